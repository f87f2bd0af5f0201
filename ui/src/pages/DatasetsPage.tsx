import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorBox, Loading, when } from '../components/common';
import { useApi } from '../hooks';
import type { Dataset } from '../types';
import { PageTitle } from '../components/PageTitle';

/** Catalog search: every dataset a run read or wrote, found by name or namespace. */
export function DatasetsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const results = useApi<Dataset[]>(`/api/v1/datasets?${new URLSearchParams(q ? { q, limit: '100' } : { limit: '100' })}`);

  function search(e: FormEvent) {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <section>
      <PageTitle>Datasets</PageTitle>
      <form role="search" className="toolbar" onSubmit={search}>
        <label htmlFor="dataset-search">Search datasets</label>
        <input id="dataset-search" type="search" value={text} placeholder="name or namespace, e.g. customers"
          onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary">Search</button>
      </form>
      <ErrorBox error={results.error} title="Could not search the catalog" />
      {results.loading && <Loading what="datasets" />}
      {results.data?.length === 0 && (
        <Empty title={q ? `No dataset matches “${q}”.` : 'The catalog has no datasets yet.'}>
          {q
            ? 'Try part of the name, or clear the search to see every dataset.'
            : 'Datasets are recorded when a flow reads or writes them: run a flow on the Flows page.'}
        </Empty>
      )}
      {results.data && results.data.length > 0 && (
        <table className="grid" aria-label="Datasets">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Namespace</th>
              <th scope="col">Description</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {results.data.map((d) => (
              <tr key={d.id}>
                <td><Link to={`/datasets/${d.id}`}>{d.name}</Link></td>
                <td className="small">{d.namespace}</td>
                <td className="small">{d.description ?? ''}</td>
                <td className="small">{when(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
