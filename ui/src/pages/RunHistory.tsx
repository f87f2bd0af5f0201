import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorBox, Loading, StateBadge, duration, num, when } from '../components/common';
import { useApi } from '../hooks';
import type { Run, RunDataset, RunEntryDetail } from '../types';
import { POLL_MS } from './FlowsPage';

/** The runs of a flow, newest first, polled; a run opens to show the datasets it read and wrote. */
export function RunHistory({ flowId, initiallyOpen }: { flowId: string; initiallyOpen?: string }) {
  const base = `/api/v1/flows/${encodeURIComponent(flowId)}`;
  const runs = useApi<Run[]>(`${base}/runs?limit=50`, POLL_MS);
  const [open, setOpen] = useState<string | undefined>(initiallyOpen);

  if (runs.loading) return <Loading what="runs" />;
  return (
    <>
      <ErrorBox error={runs.error} title="Could not load the runs" />
      {runs.data?.length === 0 && <Empty title="This flow has not run yet.">Press Run to start it; its runs will show here.</Empty>}
      {runs.data && runs.data.length > 0 && (
        <table className="grid" aria-label="Runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">State</th>
              <th scope="col">Started</th>
              <th scope="col">Took</th>
              <th scope="col" className="num">Rows in</th>
              <th scope="col" className="num">Rows out</th>
              <th scope="col" className="num">Quarantined</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <RunRow key={r.id} run={r} base={base} open={open === r.id} toggle={() => setOpen(open === r.id ? undefined : r.id)} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function RunRow({ run, base, open, toggle }: { run: Run; base: string; open: boolean; toggle: () => void }) {
  return (
    <>
      <tr data-run={run.id} data-state={run.state}>
        <td>
          <button type="button" className="link" aria-expanded={open} onClick={toggle}>
            {run.id.slice(0, 8)}
          </button>
          <span className="muted small"> {run.trigger}</span>
        </td>
        <td>
          <StateBadge state={run.state} />
        </td>
        <td>{when(run.startedAt)}</td>
        <td>{duration(run.startedAt, run.endedAt)}</td>
        <td className="num">{num(run.rowsIn)}</td>
        <td className="num">{num(run.rowsOut)}</td>
        <td className="num">{num(run.rowsQuarantined)}</td>
        <td>v{run.flowVersion}</td>
      </tr>
      {run.error && (
        <tr>
          <td colSpan={8} className="error-text small">{run.error}</td>
        </tr>
      )}
      {open && (
        <tr>
          <td colSpan={8}>
            <RunDatasets path={`${base}/runs/${encodeURIComponent(run.id)}`} />
          </td>
        </tr>
      )}
    </>
  );
}

function RunDatasets({ path }: { path: string }) {
  const detail = useApi<RunEntryDetail>(path);
  if (detail.loading) return <Loading what="the run's datasets" />;
  if (detail.error) return <ErrorBox error={detail.error} title="Could not load the run" />;
  const datasets: RunDataset[] = detail.data?.datasets ?? [];
  if (datasets.length === 0) return <p className="muted">This run read and wrote no dataset.</p>;
  return (
    <ul className="run-datasets" aria-label="Datasets of the run">
      {datasets.map((d, i) => (
        <li key={i}>
          {d.direction === 'INPUT' ? 'Read' : 'Wrote'} {num(d.rows)} rows {d.direction === 'INPUT' ? 'from' : 'to'}{' '}
          <Link to={`/datasets/${d.dataset.id}`}>{d.dataset.name}</Link> <span className="muted small">({d.dataset.namespace})</span>
        </li>
      ))}
    </ul>
  );
}
