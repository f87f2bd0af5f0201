import { Link, useParams } from 'react-router';
import { Empty, ErrorBox, Loading, when } from '../components/common';
import { useApi } from '../hooks';
import type { Column, Dataset } from '../types';
import { PageTitle } from '../components/PageTitle';

/** A dataset: where it lives, and its current schema with each column's classification tags. */
export function DatasetPage() {
  const id = useParams().id!;
  const view = useApi<{ dataset: Dataset; columns: Column[] }>(`/api/v1/datasets/${encodeURIComponent(id)}`);

  if (view.loading) return <Loading what="the dataset" />;
  if (!view.data) {
    return (
      <section>
        <p className="crumbs"><Link to="/datasets">Datasets</Link> /</p>
        <PageTitle>Dataset {id}</PageTitle>
        <ErrorBox error={view.error} title="Could not load the dataset" />
      </section>
    );
  }
  const { dataset, columns } = view.data;
  return (
    <section>
      <p className="crumbs"><Link to="/datasets">Datasets</Link> /</p>
      <PageTitle className="dataset-name">{dataset.name}</PageTitle>
      <dl className="facts">
        <div><dt>Namespace</dt><dd>{dataset.namespace}</dd></div>
        <div><dt>Description</dt><dd>{dataset.description || <span className="muted">none yet</span>}</dd></div>
        <div><dt>Schema version</dt><dd>{dataset.currentSchemaVersion ?? '–'}</dd></div>
        <div><dt>First seen</dt><dd>{when(dataset.createdAt)}</dd></div>
        <div><dt>Updated</dt><dd>{when(dataset.updatedAt)}</dd></div>
      </dl>
      <h2>Schema</h2>
      {columns.length === 0 ? (
        <Empty title="No schema recorded yet.">The schema is recorded the first time a flow writes or reads rows of this dataset.</Empty>
      ) : (
        <table className="grid" aria-label="Schema">
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Nullable</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {[...columns].sort((a, b) => a.position - b.position).map((c) => (
              <tr key={c.position}>
                <td className="num">{c.position + 1}</td>
                <td><code>{c.name}</code></td>
                <td>{c.dataType}</td>
                <td>{c.nullable ? 'yes' : 'no'}</td>
                <td>
                  {c.tags.length === 0 ? <span className="muted">–</span> : [...c.tags].sort().map((t) => <span key={t} className="tag">{t}</span>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
