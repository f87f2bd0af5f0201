import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem, isMissingApi } from '../components/ApiProblem';
import { Empty, Loading } from '../components/common';
import { PageTitle } from '../components/PageTitle';
import type { SearchKind, SearchResult } from '../contracts';
import { useApi } from '../hooks';

const KINDS: SearchKind[] = ['dataset', 'column', 'flow', 'tag', 'owner'];

/** Catalog search across datasets, columns, flows, tags and owners (GET /api/v1/search). */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const [text, setText] = useState(q);
  const [kindChoice, setKindChoice] = useState(kind);
  const query = new URLSearchParams({ q, limit: '50', ...(kind ? { kind } : {}) });
  const results = useApi<{ results: SearchResult[] }>(q ? `/api/v1/search?${query}` : null);

  function search(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (text.trim()) next.q = text.trim();
    if (kindChoice) next.kind = kindChoice;
    setParams(next);
  }

  return (
    <section>
      <PageTitle>Search the catalog</PageTitle>
      <form role="search" className="toolbar" onSubmit={search}>
        <label htmlFor="catalog-search">Search for</label>
        <input id="catalog-search" type="search" value={text} placeholder="e.g. email, customers, PII" onChange={(e) => setText(e.target.value)} />
        <label htmlFor="catalog-kind">in</label>
        <select id="catalog-kind" value={kindChoice} onChange={(e) => setKindChoice(e.target.value)}>
          <option value="">everything</option>
          {KINDS.map((k) => <option key={k} value={k}>{k}s</option>)}
        </select>
        <button type="submit" className="primary">Search</button>
      </form>
      <ApiProblem error={results.error} api="catalog search" title="The search failed" />
      {isMissingApi(results.error) && (
        <p>Meanwhile, <Link to={`/datasets?${new URLSearchParams({ q })}`}>search datasets by name</Link>.</p>
      )}
      {!q && <Empty title="Type what you are looking for.">A dataset or column name, a flow, a tag such as PII, or an owner.</Empty>}
      {results.loading && <Loading what="results" />}
      {results.data?.results.length === 0 && (
        <Empty title={`Nothing matches “${q}”.`}>Try fewer letters, or search everything instead of one kind.</Empty>
      )}
      {results.data && results.data.results.length > 0 && (
        <table className="grid" aria-label="Search results">
          <thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Where</th><th scope="col">Match</th></tr></thead>
          <tbody>
            {results.data.results.map((r) => (
              <tr key={`${r.kind}:${r.id}`}>
                <td><span className="badge">{r.kind}</span></td>
                <td><ResultLink r={r} /></td>
                <td className="small">{[r.namespace, r.dataset].filter(Boolean).join(' / ')}</td>
                <td className="small">{r.snippet}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ResultLink({ r }: { r: SearchResult }) {
  switch (r.kind) {
    case 'dataset':
      return <Link to={`/datasets/${encodeURIComponent(r.id)}`}>{r.name}</Link>;
    case 'flow':
      return <Link to={`/flows/${encodeURIComponent(r.id)}`}>{r.name}</Link>;
    case 'column':
      return r.dataset && /^\d+$/.test(r.dataset) ? <Link to={`/datasets/${r.dataset}`}>{r.name}</Link> : <code>{r.name}</code>;
    default:
      return <Link to={`/search?${new URLSearchParams({ q: r.name })}`}>{r.name}</Link>;
  }
}
