import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ApiProblem, isMissingApi } from '../../components/ApiProblem';
import { Loading, ProgressBar, StateBadge, num, when } from '../../components/common';
import type { SegmentExport } from '../../contracts';
import { useAction, useApi } from '../../hooks';

/** Activation exports of a segment: members who did not consent to the purpose are suppressed by the server. */
export function SegmentExports({ segment }: { segment: string }) {
  const path = `/api/v1/segments/${encodeURIComponent(segment)}/exports`;
  const [missing, setMissing] = useState(false);
  // polls for running exports, but not a server without the API
  const exports = useApi<SegmentExport[]>(path, missing ? undefined : 3000);
  if (!missing && isMissingApi(exports.error)) setMissing(true);
  const [format, setFormat] = useState<'csv' | 'webhook'>('csv');
  const [purpose, setPurpose] = useState('email_marketing');
  const [url, setUrl] = useState('');
  const action = useAction();

  async function start(e: FormEvent) {
    e.preventDefault();
    if (await action.run('export', () => api.post(path, { format, purpose, ...(format === 'webhook' ? { url } : {}) }))) await exports.reload();
  }

  const running = exports.data?.some((x) => x.status === 'PENDING' || x.status === 'RUNNING');
  return (
    <>
      <h3>Activation exports</h3>
      <form className="toolbar" onSubmit={start} aria-label="New export">
        <label htmlFor="export-format">Format</label>
        <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'webhook')}>
          <option value="csv">CSV file</option>
          <option value="webhook">webhook</option>
        </select>
        <label htmlFor="export-purpose">Purpose</label>
        <select id="export-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
          <option value="email_marketing">email marketing</option>
          <option value="advertising">advertising</option>
        </select>
        {format === 'webhook' && (
          <>
            <label htmlFor="export-url">Webhook URL</label>
            <input id="export-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
          </>
        )}
        <button type="submit" className="primary" disabled={!!action.busy}>Export</button>
      </form>
      <p className="muted small">People without consent for the purpose are left out and counted as suppressed.</p>
      {(action.busy || running) && <ProgressBar label="Export in progress" />}
      <ApiProblem error={action.error} api="segment exports" title="The export did not start" />
      <ApiProblem error={exports.error} api="segment exports" title="Could not load the exports" />
      {exports.loading && <Loading what="exports" />}
      {exports.data?.length === 0 && <p className="muted">No export yet.</p>}
      {exports.data && exports.data.length > 0 && (
        <table className="grid" aria-label="Exports">
          <thead><tr><th scope="col">When</th><th scope="col">Format</th><th scope="col">Purpose</th><th scope="col" className="num">Rows</th><th scope="col" className="num">Suppressed</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {exports.data.map((x) => (
              <tr key={x.id}>
                <td className="small">{when(x.at)}</td><td>{x.format}</td><td>{x.purpose}</td>
                <td className="num">{num(x.rows)}</td><td className="num">{num(x.suppressed)}</td><td><StateBadge state={x.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
