import { ApiProblem } from '../../components/ApiProblem';
import { Empty, Loading } from '../../components/common';
import type { Preview } from '../../contracts';
import { useApi } from '../../hooks';

/** Sample rows with the viewer's own masks and row filters applied by the server (GET .../preview; audited). */
export function SamplePanel({ datasetId }: { datasetId: number }) {
  const preview = useApi<Preview>(`/api/v1/datasets/${datasetId}/preview?limit=50`);
  if (preview.loading) return <Loading what="sample rows" />;
  if (!preview.data) return <ApiProblem error={preview.error} api="preview" title="Could not load sample rows" />;
  const { columns, rows, rowFilter } = preview.data;
  return (
    <>
      <p className="muted small">
        Masked as your access policy says{rowFilter ? `; rows filtered by “${rowFilter}”` : ''}. Looking at rows is recorded in the audit log.
      </p>
      {rows.length === 0 ? (
        <Empty title="No rows to show.">The dataset is empty, or your row filter hides every row.</Empty>
      ) : (
        <div className="scroll-x">
          <table className="grid" aria-label="Sample rows">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.name} scope="col">
                    {c.name} <span className="muted small">{c.type}</span>
                    {c.masked && <div><span className="tag" title={c.mask ?? undefined}>masked{c.mask ? `: ${c.mask}` : ''}</span></div>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j} className="small">{v === null ? <span className="muted">null</span> : String(v)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
