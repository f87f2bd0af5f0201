import type { ElementDefinition } from 'cytoscape';
import type { ColumnEdge, GraphNode, Impact } from '../contracts';

// Turns the API's graph (Marquez shape), the datasets expanded into their columns and an impact analysis into
// Cytoscape elements. Node ids are the API's node ids: dataset:<ns>:<name>, job:<ns>:<name>,
// datasetField:<ns>:<name>:<column>.

export interface Expanded {
  columns: string[];
  edges: ColumnEdge[];
}

export function datasetNodeId(namespace: string, name: string): string {
  return `dataset:${namespace}:${name}`;
}

export function fieldNodeId(namespace: string, name: string, column: string): string {
  return `datasetField:${namespace}:${name}:${column}`;
}

/** The last part of a long name (a path, a URL), so a node's label stays readable; the full name is in the panel. */
export function shortName(name: string): string {
  const tail = name.split(/[/\\]/).filter(Boolean).pop() ?? name;
  return tail.length > 40 ? '…' + tail.slice(-39) : tail;
}

export function elements(graph: GraphNode[], expanded: Map<string, Expanded>, impact: Impact | null): ElementDefinition[] {
  const hit = new Set<string>(impact ? [...impact.columns, ...impact.datasets, ...impact.jobs] : []);
  const out: ElementDefinition[] = [];
  const present = new Set<string>();
  for (const n of graph) {
    const kind = n.type === 'JOB' ? 'job' : 'dataset';
    present.add(n.id);
    out.push({
      group: 'nodes',
      data: { id: n.id, label: shortName(n.data.name), kind },
      classes: [kind, hit.has(n.id) ? 'impacted' : '', expanded.has(n.id) ? 'expanded' : ''].join(' ').trim(),
    });
  }
  for (const [datasetId, ex] of expanded) {
    if (!present.has(datasetId)) continue;
    const node = graph.find((n) => n.id === datasetId)!;
    for (const c of ex.columns) {
      const id = fieldNodeId(node.data.namespace, node.data.name, c);
      present.add(id);
      const source = impact?.column === id;
      out.push({
        group: 'nodes',
        data: { id, label: c, kind: 'column', parent: datasetId },
        classes: ['column', hit.has(id) ? 'impacted' : '', source ? 'impact-source' : ''].join(' ').trim(),
      });
    }
  }
  const edgeIds = new Set<string>();
  const addEdge = (from: string, to: string, kind: string) => {
    const id = `${kind}:${from}->${to}`;
    if (edgeIds.has(id) || !present.has(from) || !present.has(to) || from === to) return;
    edgeIds.add(id);
    const lit = (hit.has(to) || impact?.column === to) && (hit.has(from) || impact?.column === from);
    out.push({ group: 'edges', data: { id, source: from, target: to }, classes: [kind, lit ? 'impacted' : ''].join(' ').trim() });
  };
  for (const n of graph) for (const e of n.outEdges) addEdge(e.origin, e.destination, 'flow');
  for (const ex of expanded.values()) {
    for (const e of ex.edges) {
      // to the column when its dataset is expanded, otherwise to the dataset
      const from = ends(e.source, present);
      const to = ends(e.target, present);
      if (from && to) addEdge(from, to, 'column-edge');
    }
  }
  return out;
}

function ends(f: { namespace: string; name: string; field: string }, present: Set<string>): string | null {
  const column = fieldNodeId(f.namespace, f.name, f.field);
  if (present.has(column)) return column;
  const dataset = datasetNodeId(f.namespace, f.name);
  return present.has(dataset) ? dataset : null;
}
