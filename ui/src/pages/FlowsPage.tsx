import { Link } from 'react-router';
import { api } from '../api';
import { useSession } from '../auth';
import { Empty, ErrorBox, Loading, StateBadge, num, when } from '../components/common';
import { useAction, useApi } from '../hooks';
import type { FlowStatus } from '../types';
import { PageTitle } from '../components/PageTitle';

export const POLL_MS = 2000;

/** Every flow with what it is doing now, polled every 2 s. */
export function FlowsPage() {
  const { has } = useSession();
  const canEdit = has('engineer');
  const flows = useApi<FlowStatus[]>('/api/v1/flows', POLL_MS);
  const action = useAction();

  const act = (id: string, verb: 'run' | 'stop') =>
    action.run(`${verb} ${id}`, () => api.post(`/api/v1/flows/${encodeURIComponent(id)}/${verb}`)).then(flows.reload);

  return (
    <section>
      <div className="page-head">
        <PageTitle>Flows</PageTitle>
        {canEdit && (
          <Link className="button primary" to="/flows/new">
            New flow
          </Link>
        )}
      </div>
      <ErrorBox error={flows.error} title="Could not load the flows" />
      <ErrorBox error={action.error} title="The action failed" />
      {flows.loading && <Loading what="flows" />}
      {flows.data && flows.data.length === 0 && (
        <Empty title="No flows yet.">
          {canEdit ? (
            <>
              Create one with <Link to="/flows/new">New flow</Link>: a Camel YAML route from a source to a sink.
            </>
          ) : (
            'An engineer deploys flows; they will show here with their status.'
          )}
        </Empty>
      )}
      {flows.data && flows.data.length > 0 && (
        <table className="grid" aria-label="Flows">
          <thead>
            <tr>
              <th scope="col">Flow</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Rows in</th>
              <th scope="col" className="num">Rows out</th>
              <th scope="col" className="num">Rows/s</th>
              <th scope="col" className="num">Quarantined</th>
              <th scope="col">Last run</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {flows.data.map((f) => {
              const counts = f.progress ?? f.lastRun;
              const running = f.status === 'RUNNING';
              return (
                <tr key={f.flow.id} data-flow={f.flow.id}>
                  <td>
                    <Link to={`/flows/${encodeURIComponent(f.flow.id)}`}>{f.flow.name || f.flow.id}</Link>
                    <div className="muted small">
                      {f.flow.id} · v{f.flow.currentVersion}
                    </div>
                  </td>
                  <td>
                    <StateBadge state={f.status} />
                    {f.loadError && <div className="small error-text">{f.loadError}</div>}
                  </td>
                  <td className="num">{num(counts?.rowsIn)}</td>
                  <td className="num">{num(counts?.rowsOut)}</td>
                  <td className="num">{f.progress ? num(f.progress.rowsPerSecond) : '–'}</td>
                  <td className="num">{num(counts?.rowsQuarantined)}</td>
                  <td>
                    {f.lastRun ? (
                      <>
                        <StateBadge state={f.lastRun.state} /> <span className="small">{when(f.lastRun.startedAt)}</span>
                      </>
                    ) : (
                      <span className="muted">never run</span>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      {running ? (
                        <button type="button" disabled={!!action.busy} onClick={() => act(f.flow.id, 'stop')}
                          aria-label={`Stop ${f.flow.id}`}>
                          Stop
                        </button>
                      ) : (
                        <button type="button" disabled={!!action.busy || f.status === 'INVALID'}
                          onClick={() => act(f.flow.id, 'run')} aria-label={`Run ${f.flow.id}`}>
                          Run
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
