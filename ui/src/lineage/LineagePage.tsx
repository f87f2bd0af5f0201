import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorBox, Loading } from '../components/common';
import { PageTitle } from '../components/PageTitle';
import type { Impact, LineageGraphAnswer } from '../contracts';
import { useAction, useApi } from '../hooks';
import { LineageCanvas } from './LineageCanvas';
import { expand, graphPath, impact as loadImpact, type Direction } from './lineageApi';
import { elements, fieldNodeId, shortName, type Expanded } from './model';
import { NodePanel, type NodeInfo } from './NodePanel';

const DEPTHS = [1, 2, 3, 5, 10, 20];

/** The lineage graph around a node (?node=dataset:<ns>:<name>), with depth and direction, columns and impact. */
export function LineagePage() {
  const [params, setParams] = useSearchParams();
  const node = params.get('node');
  const depth = Number(params.get('depth') ?? 5);
  const direction = (params.get('direction') ?? 'BOTH') as Direction;
  const graph = useApi<LineageGraphAnswer>(node ? graphPath(node, depth, direction) : null);
  const [expanded, setExpanded] = useState(new Map<string, Expanded>());
  const [selected, setSelected] = useState<string | null>(null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const action = useAction();

  const nodes = useMemo(() => graph.data?.graph ?? [], [graph.data]);
  const infos = useMemo(() => nodeInfos(nodes, expanded), [nodes, expanded]);
  const els = useMemo(() => elements(nodes, expanded, impact), [nodes, expanded, impact]);
  const set = (key: string, value: string) => setParams((p) => { p.set(key, value); return p; });

  if (!node) {
    return (
      <section>
        <PageTitle>Lineage</PageTitle>
        <Empty title="Choose a dataset first.">
          Open a dataset on the <Link to="/datasets">Datasets</Link> page and choose “Open lineage graph”.
        </Empty>
      </section>
    );
  }

  async function toggleColumns(id: string) {
    const info = infos.get(id);
    if (!info || info.kind !== 'dataset') return;
    if (expanded.has(id)) {
      const next = new Map(expanded);
      next.delete(id);
      setExpanded(next);
      return;
    }
    await action.run(`columns of ${info.name}`, async () => {
      const ex = await expand(info.namespace, info.name);
      setExpanded((m) => new Map(m).set(id, ex));
    });
  }

  async function showImpact(id: string) {
    await action.run('impact', async () => setImpact(await loadImpact(id)));
  }

  const current = selected ? infos.get(selected) : undefined;
  const counts = countKinds(infos);
  return (
    <section>
      <p className="crumbs"><Link to="/datasets">Datasets</Link> /</p>
      <PageTitle className="dataset-name">Lineage of {shortName(nodes.find((n) => n.id === node)?.data.name ?? node)}</PageTitle>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label="Graph options">
        <label htmlFor="lineage-depth">Depth</label>
        <select id="lineage-depth" value={depth} onChange={(e) => set('depth', e.target.value)}>
          {DEPTHS.map((d) => <option key={d} value={d}>{d} {d === 1 ? 'step' : 'steps'}</option>)}
        </select>
        <label htmlFor="lineage-direction">Direction</label>
        <select id="lineage-direction" value={direction} onChange={(e) => set('direction', e.target.value)}>
          <option value="BOTH">upstream and downstream</option>
          <option value="UPSTREAM">upstream only</option>
          <option value="DOWNSTREAM">downstream only</option>
        </select>
        {impact && <button type="button" onClick={() => setImpact(null)}>Clear impact</button>}
      </form>
      <ErrorBox error={graph.error} title="Could not load the lineage" />
      <ErrorBox error={action.error} title="That did not work" />
      {graph.loading && <Loading what="the lineage graph" />}
      {action.busy && <Loading what={action.busy} />}
      {graph.data && nodes.length === 0 && (
        <Empty title="No lineage recorded for this node yet.">Lineage appears once a flow (or an OpenLineage producer) reads or writes it.</Empty>
      )}
      {graph.data && nodes.length > 0 && (
        <div className="lineage-layout">
          <LineageCanvas elements={els} selected={selected} onSelect={setSelected} onExpand={(id) => void toggleColumns(id)}
            label={`Lineage graph: ${counts.dataset} datasets, ${counts.job} jobs, ${counts.column} columns shown`} />
          <div className="lineage-side">
            {current ? (
              <NodePanel node={current} expanded={expanded.has(current.id)} busy={action.busy} impact={impact}
                onToggleColumns={() => void toggleColumns(current.id)} onImpact={() => void showImpact(current.id)} />
            ) : (
              <p className="muted">Select a node in the graph or in the list below.</p>
            )}
            <NodeList infos={infos} selected={selected} impact={impact} onSelect={setSelected} />
          </div>
        </div>
      )}
    </section>
  );
}

/** Every node as a button: the keyboard way into the graph. */
function NodeList({ infos, selected, impact, onSelect }: { infos: Map<string, NodeInfo>; selected: string | null; impact: Impact | null; onSelect: (id: string) => void }) {
  const hit = new Set(impact ? [...impact.columns, ...impact.datasets, ...impact.jobs] : []);
  return (
    <nav aria-label="Nodes of the graph">
      <ul className="node-list">
        {[...infos.values()].map((n) => (
          <li key={n.id} className={n.kind === 'column' ? 'column-item' : undefined} data-impacted={hit.has(n.id) || undefined}>
            <button type="button" className="link" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)}>
              {n.kind === 'column' ? n.column : shortName(n.name)}
            </button>{' '}
            <span className="muted small">{n.kind}{hit.has(n.id) ? ', impacted' : ''}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function nodeInfos(nodes: LineageGraphAnswer['graph'], expanded: Map<string, Expanded>): Map<string, NodeInfo> {
  const m = new Map<string, NodeInfo>();
  for (const n of nodes) {
    const kind = n.type === 'JOB' ? 'job' : 'dataset';
    m.set(n.id, { id: n.id, kind, namespace: n.data.namespace, name: n.data.name, flowId: n.data.flowId });
    const ex = expanded.get(n.id);
    for (const c of ex?.columns ?? []) {
      const id = fieldNodeId(n.data.namespace, n.data.name, c);
      m.set(id, { id, kind: 'column', namespace: n.data.namespace, name: n.data.name, column: c });
    }
  }
  return m;
}

function countKinds(infos: Map<string, NodeInfo>) {
  const c = { dataset: 0, job: 0, column: 0 };
  for (const n of infos.values()) c[n.kind]++;
  return c;
}
