import { Link } from 'react-router';
import { TrendChart } from '../../charts/Charts';
import { ApiProblem } from '../../components/ApiProblem';
import { Empty, Loading, when } from '../../components/common';
import type { DatasetPageAnswer, DatasetRefLite } from '../../contracts';
import { useApi } from '../../hooks';

/** Owners, description, tags, the quality trend, schema versions and neighbours (GET /api/v1/datasets/{id}/page). */
export function DetailsPanel({ datasetId }: { datasetId: number }) {
  const page = useApi<DatasetPageAnswer>(`/api/v1/datasets/${datasetId}/page`);
  if (page.loading) return <Loading what="owners and quality" />;
  if (!page.data) return <ApiProblem error={page.error} api="dataset page" title="Could not load owners and quality" />;
  const d = page.data;
  return (
    <>
      <dl className="facts">
        <div><dt>Owners</dt><dd>{d.owners.length ? d.owners.join(', ') : <span className="muted">no owner yet: a steward can claim it</span>}</dd></div>
        <div><dt>Tags</dt><dd>{d.tags.length ? d.tags.map((t) => <span key={t} className="tag">{t}</span>) : '–'}</dd></div>
        <div><dt>Description</dt><dd>{d.description || <span className="muted">none yet</span>}</dd></div>
        <div><dt>Upstream</dt><dd><Neighbours list={d.lineage.upstream} /></dd></div>
        <div><dt>Downstream</dt><dd><Neighbours list={d.lineage.downstream} /></dd></div>
      </dl>
      <h2>Quality over time</h2>
      {d.quality.length === 0 ? (
        <Empty title="No quality figures yet.">Add a quality step to a flow that writes this dataset; each run then records completeness, validity and uniqueness.</Empty>
      ) : (
        <TrendChart title="Quality of the last runs" max={1} labels={d.quality.map((q) => when(q.at))} series={[
          { label: 'completeness', values: d.quality.map((q) => q.completeness) },
          { label: 'validity', values: d.quality.map((q) => q.validity) },
          { label: 'uniqueness', values: d.quality.map((q) => q.uniqueness) },
        ]} />
      )}
      <h2>Schema versions</h2>
      {d.versions.length === 0 ? <p className="muted">No versions recorded.</p> : (
        <table className="grid" aria-label="Schema versions">
          <thead><tr><th scope="col" className="num">Version</th><th scope="col">Recorded</th><th scope="col">Changes</th></tr></thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.version}>
                <td className="num">{v.version}</td>
                <td className="small">{when(v.createdAt)}</td>
                <td className="small">
                  {v.diff.added.length > 0 && <div>added: {v.diff.added.join(', ')}</div>}
                  {v.diff.removed.length > 0 && <div>removed: {v.diff.removed.join(', ')}</div>}
                  {v.diff.changed.map((c) => <div key={c.name}>{c.name}: {c.from} → {c.to}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Neighbours({ list }: { list: DatasetRefLite[] }) {
  if (list.length === 0) return <span className="muted">none</span>;
  return <>{list.map((n) => <div key={n.id}><Link to={`/datasets/${encodeURIComponent(n.id)}`}>{n.name}</Link></div>)}</>;
}
