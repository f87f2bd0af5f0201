import { Suspense, lazy, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api';
import { useSession } from '../auth';
import { Empty, ErrorBox, Loading, ProgressBar, StateBadge, num, when } from '../components/common';
import { RouteEditorForm } from '../components/RouteEditorForm';
import { Tabs } from '../components/Tabs';
import { useAction, useApi } from '../hooks';
import type { FlowStatus, FlowVersion } from '../types';
import { POLL_MS } from './FlowsPage';
import { QuarantineBrowser } from './QuarantineBrowser';
import { RunHistory } from './RunHistory';
import { PageTitle } from '../components/PageTitle';

// with the chart library, loaded when the tab opens
const QualityTrend = lazy(() => import('./QualityTrend').then((m) => ({ default: m.QualityTrend })));

/** One flow: live progress, its route in the editor (deploy), run and stop, run history, quarantine, versions. */
export function FlowPage() {
  const id = useParams().id!;
  const base = `/api/v1/flows/${encodeURIComponent(id)}`;
  const { has } = useSession();
  const canEdit = has('engineer');
  const status = useApi<FlowStatus>(base, POLL_MS);
  const action = useAction();
  // ?run=<id> (a link from the lineage graph) opens that run in the Runs tab
  const linkedRun = useSearchParams()[0].get('run') ?? undefined;
  const [tab, setTab] = useState(linkedRun ? 'runs' : 'route');
  const [loaded, setLoaded] = useState<FlowVersion>();

  if (status.loading) return <Loading what={`flow ${id}`} />;
  if (!status.data) {
    return (
      <section>
        <p className="crumbs"><Link to="/flows">Flows</Link> /</p>
        <PageTitle>{id}</PageTitle>
        <ErrorBox error={status.error} title="Could not load the flow" />
      </section>
    );
  }
  const { flow, progress, lastRun } = status.data;
  const running = status.data.status === 'RUNNING';
  const act = (verb: 'run' | 'stop') => action.run(verb, () => api.post(`${base}/${verb}`)).then(status.reload);

  return (
    <section>
      <p className="crumbs"><Link to="/flows">Flows</Link> /</p>
      <div className="page-head">
        <PageTitle>{flow.name || flow.id}</PageTitle>
        <StateBadge state={status.data.status} />
        {canEdit && (
          <span className="actions">
            <button type="button" className="primary" disabled={running || !!action.busy || status.data.status === 'INVALID'}
              onClick={() => act('run')}>
              Run
            </button>
            <button type="button" disabled={!running || !!action.busy} onClick={() => act('stop')}>
              Stop
            </button>
          </span>
        )}
      </div>
      <p className="muted">
        {flow.id} · version {flow.currentVersion} · runs as {flow.runAs} · updated {when(flow.updatedAt)} by {flow.createdBy}
        {flow.description && <> · {flow.description}</>}
      </p>
      <ErrorBox error={status.error} title="Could not refresh the flow" />
      <ErrorBox error={action.error} title={`Could not ${action.busy ?? 'do that'}`} />
      {status.data.loadError && <ErrorBox error={new ApiError(0, status.data.loadError)} title="The route does not load" />}

      {running && progress && (
        <div className="live" aria-live="polite" aria-label="Live progress">
          <ProgressBar label="Running" />
          <dl className="stats">
            <div><dt>Rows in</dt><dd data-stat="rowsIn">{num(progress.rowsIn)}</dd></div>
            <div><dt>Rows out</dt><dd data-stat="rowsOut">{num(progress.rowsOut)}</dd></div>
            <div><dt>Rows/s</dt><dd data-stat="rowsPerSecond">{num(progress.rowsPerSecond)}</dd></div>
            <div><dt>Quarantined</dt><dd data-stat="rowsQuarantined">{num(progress.rowsQuarantined)}</dd></div>
            <div><dt>Batches</dt><dd>{num(progress.batches)}</dd></div>
          </dl>
        </div>
      )}
      {!running && lastRun && (
        <p aria-live="polite" className="last-run">
          Last run <StateBadge state={lastRun.state} /> {when(lastRun.startedAt)}: {num(lastRun.rowsIn)} rows in,{' '}
          {num(lastRun.rowsOut)} out, {num(lastRun.rowsQuarantined)} quarantined
          {lastRun.error && <span className="error-text"> — {lastRun.error}</span>}
        </p>
      )}

      <Tabs
        label="Flow"
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'route',
            title: 'Route',
            panel: (
              <>
                {loaded && (
                  <p className="notice">
                    Showing version {loaded.version} of {when(loaded.createdAt)}.{' '}
                    {canEdit ? 'Deploy it to make it current again, or ' : ''}
                    <button type="button" className="link" onClick={() => setLoaded(undefined)}>
                      go back to the current version
                    </button>
                    .
                  </p>
                )}
                <RouteEditorForm
                  key={`${flow.currentVersion}-${loaded?.version ?? ''}`}
                  initial={loaded?.definition ?? flow.definition}
                  readOnly={!canEdit}
                  deploy={async (yaml) => {
                    await api.putYaml(base, yaml);
                    setLoaded(undefined);
                    await status.reload();
                  }}
                />
              </>
            ),
          },
          { id: 'runs', title: 'Runs', panel: <RunHistory flowId={flow.id} initiallyOpen={linkedRun} /> },
          { id: 'quarantine', title: 'Quarantine', panel: <QuarantineBrowser flowId={flow.id} /> },
          { id: 'quality', title: 'Quality', panel: <Suspense fallback={<Loading what="the charts" />}><QualityTrend flowId={flow.id} /></Suspense> },
          {
            id: 'versions',
            title: 'Versions',
            panel: <Versions flowId={flow.id} current={flow.currentVersion} onOpen={(v) => { setLoaded(v); setTab('route'); }} />,
          },
        ]}
      />
    </section>
  );
}

function Versions({ flowId, current, onOpen }: { flowId: string; current: number; onOpen: (v: FlowVersion) => void }) {
  const versions = useApi<FlowVersion[]>(`/api/v1/flows/${encodeURIComponent(flowId)}/versions`);
  if (versions.loading) return <Loading what="versions" />;
  if (versions.error) return <ErrorBox error={versions.error} title="Could not load the versions" />;
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  if (list.length === 0) return <Empty title="No versions stored." />;
  return (
    <table className="grid" aria-label="Versions">
      <thead>
        <tr><th scope="col">Version</th><th scope="col">Deployed</th><th scope="col">By</th><th scope="col" /></tr>
      </thead>
      <tbody>
        {list.map((v) => (
          <tr key={v.version}>
            <td>{v.version}{v.version === current && <span className="muted"> (current)</span>}</td>
            <td>{when(v.createdAt)}</td>
            <td>{v.createdBy}</td>
            <td>
              <button type="button" onClick={() => onOpen(v)}>Open in editor</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
