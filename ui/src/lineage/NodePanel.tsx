import { Link } from 'react-router';
import { Empty, ErrorBox, Loading, StateBadge, when } from '../components/common';
import type { Impact, LineageRun } from '../contracts';
import { useApi } from '../hooks';
import { runsPath } from './lineageApi';

/** What the page knows of a node of the graph. */
export interface NodeInfo {
  id: string;
  kind: 'dataset' | 'job' | 'column';
  namespace: string;
  name: string;
  column?: string;
  flowId?: string;
}

interface Props {
  node: NodeInfo;
  expanded: boolean;
  busy: string | null;
  impact: Impact | null;
  onToggleColumns: () => void;
  onImpact: () => void;
}

/** The selected node: its full name, what can be done with it, and its runs. */
export function NodePanel({ node, expanded, busy, impact, onToggleColumns, onImpact }: Props) {
  return (
    <aside className="card node-panel" aria-label="Selected node">
      <h2>
        {node.kind === 'column' ? 'Column' : node.kind === 'job' ? 'Job' : 'Dataset'}{' '}
        <code className="dataset-name">{node.column ?? node.name}</code>
      </h2>
      <dl className="facts">
        <div><dt>Namespace</dt><dd>{node.namespace}</dd></div>
        <div><dt>{node.kind === 'column' ? 'Dataset' : 'Name'}</dt><dd className="dataset-name">{node.name}</dd></div>
      </dl>
      {node.kind === 'dataset' && (
        <div className="actions">
          <button type="button" onClick={onToggleColumns} disabled={!!busy} aria-expanded={expanded}>
            {expanded ? 'Hide columns' : 'Show columns'}
          </button>
          <Link to={`/datasets?${new URLSearchParams({ q: node.name })}`}>Find it in the catalog</Link>
        </div>
      )}
      {node.kind === 'job' && node.flowId && (
        <p>Cairn flow <Link to={`/flows/${encodeURIComponent(node.flowId)}`}>{node.flowId}</Link></p>
      )}
      {node.kind === 'column' && (
        <>
          <div className="actions">
            <button type="button" className="primary" onClick={onImpact} disabled={!!busy}>Show impact</button>
            <span className="muted small">Highlights every column, dataset and job downstream of this column.</span>
          </div>
          {impact?.column === node.id && <ImpactList impact={impact} />}
        </>
      )}
      {node.kind !== 'column' && <Runs nodeId={node.id} />}
    </aside>
  );
}

function ImpactList({ impact }: { impact: Impact }) {
  if (impact.columns.length === 0) {
    return <Empty title="Nothing downstream depends on this column.">Changing or removing it breaks no recorded lineage.</Empty>;
  }
  return (
    <div aria-label="Impact" role="region">
      <p className="ok">{impact.columns.length} columns in {impact.datasets.length} datasets depend on it.</p>
      <ul className="impact-list">
        {impact.columns.map((c) => <li key={c}><code>{c.replace(/^datasetField:/, '')}</code></li>)}
      </ul>
      {impact.flows.length > 0 && (
        <p>
          Flows:{' '}
          {impact.flows.map((f) => <Link key={f} to={`/flows/${encodeURIComponent(f)}`} className="tag-link">{f}</Link>)}
        </p>
      )}
    </div>
  );
}

function Runs({ nodeId }: { nodeId: string }) {
  const runs = useApi<LineageRun[]>(runsPath(nodeId));
  return (
    <>
      <h3>Runs</h3>
      <ErrorBox error={runs.error} title="Could not load the runs" />
      {runs.loading && <Loading what="runs" />}
      {runs.data?.length === 0 && <Empty title="No run recorded.">Runs appear here when a flow or an OpenLineage producer reports one.</Empty>}
      {runs.data && runs.data.length > 0 && (
        <table className="grid" aria-label="Lineage runs">
          <thead>
            <tr><th scope="col">State</th><th scope="col">Job</th><th scope="col">Started</th><th scope="col">Run</th></tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.runId}>
                <td><StateBadge state={r.state} /></td>
                <td className="small">{r.job}</td>
                <td className="small">{when(r.startedAt)}</td>
                <td className="small">
                  {r.flowId ? <Link to={`/flows/${encodeURIComponent(r.flowId)}?run=${encodeURIComponent(r.flowRunId ?? r.runId)}`}>{r.flowId} run</Link> : <code>{r.runId.slice(0, 8)}</code>}
                  {r.error && <div className="error-text">{r.error}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
