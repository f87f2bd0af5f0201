import { useState } from 'react';
import { Empty, ErrorBox, Loading, when } from '../components/common';
import { useApi } from '../hooks';
import type { QuarantineEntry, Run } from '../types';

const PAGE = 50;

/** The rows a flow could not process, with the reason and the row itself; by run, a page at a time. */
export function QuarantineBrowser({ flowId }: { flowId: string }) {
  const base = `/api/v1/flows/${encodeURIComponent(flowId)}`;
  const [runId, setRunId] = useState('');
  const [offset, setOffset] = useState(0);
  const runs = useApi<Run[]>(`${base}/runs?limit=50`);
  const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
  if (runId) query.set('runId', runId);
  const entries = useApi<QuarantineEntry[]>(`${base}/quarantine?${query}`);

  return (
    <>
      <div className="toolbar">
        <label htmlFor="quarantine-run">Run</label>
        <select id="quarantine-run" value={runId} onChange={(e) => { setRunId(e.target.value); setOffset(0); }}>
          <option value="">All runs</option>
          {(runs.data ?? []).filter((r) => r.rowsQuarantined > 0).map((r) => (
            <option key={r.id} value={r.id}>
              {r.id.slice(0, 8)} · {when(r.startedAt)} · {r.rowsQuarantined} quarantined
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void entries.reload()}>Refresh</button>
      </div>
      <ErrorBox error={entries.error} title="Could not load the quarantine" />
      {entries.loading && <Loading what="quarantined rows" />}
      {entries.data?.length === 0 && offset === 0 && (
        <Empty title="Nothing in quarantine.">
          Rows that a run cannot process (e.g. a date that is not a date) land here with the reason, and the run goes on.
        </Empty>
      )}
      {entries.data && entries.data.length > 0 && (
        <table className="grid" aria-label="Quarantined rows">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Row</th>
              <th scope="col">Source</th>
              <th scope="col">Run</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((q) => (
              <tr key={q.id}>
                <td className="reason">{q.reason}</td>
                <td><pre className="payload">{q.payload ?? ''}</pre></td>
                <td className="small">
                  {q.datasetName}
                  {q.sourceOffset && <div className="muted">at {q.sourceOffset}</div>}
                </td>
                <td className="small">{q.runId.slice(0, 8)}</td>
                <td className="small">{when(q.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(offset > 0 || (entries.data?.length ?? 0) === PAGE) && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
          <span className="muted">rows {offset + 1}–{offset + (entries.data?.length ?? 0)}</span>
          <button type="button" disabled={(entries.data?.length ?? 0) < PAGE} onClick={() => setOffset(offset + PAGE)}>Next</button>
        </div>
      )}
    </>
  );
}
