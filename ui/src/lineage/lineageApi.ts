import { ApiError, api } from '../api';
import type { ColumnEdge, Impact } from '../contracts';
import type { Column, Dataset } from '../types';
import { fieldNodeId, type Expanded } from './model';

// The calls behind the lineage page (GET /api/v1/lineage, /lineage/columns, /lineage/impact, /lineage/runs) and
// the catalog calls that find a dataset's columns.

export type Direction = 'BOTH' | 'UPSTREAM' | 'DOWNSTREAM';

const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export function graphPath(nodeId: string, depth: number, direction: Direction): string {
  return `/api/v1/lineage?${q({ nodeId, depth, direction })}`;
}

export function impact(columnNodeId: string): Promise<Impact> {
  return api.get<Impact>(`/api/v1/lineage/impact?${q({ nodeId: columnNodeId })}`);
}

export function runsPath(nodeId: string): string {
  return `/api/v1/lineage/runs?${q({ nodeId, limit: 20 })}`;
}


/** The catalog entry of a dataset by namespace and name, or null when the catalog has none. */
export async function findDataset(namespace: string, name: string): Promise<Dataset | null> {
  const found = await api.get<Dataset[]>(`/api/v1/datasets?${q({ q: name, limit: 1000 })}`);
  return found.find((d) => d.namespace === namespace && d.name === name) ?? null;
}

/** A dataset's columns and the column lineage one step either side of each. */
export async function expand(namespace: string, name: string): Promise<Expanded> {
  const dataset = await findDataset(namespace, name);
  if (!dataset) throw new ApiError(404, `The catalog has no schema for ${name}: no run has recorded its columns yet`);
  const view = await api.get<{ dataset: Dataset; columns: Column[] }>(`/api/v1/datasets/${dataset.id}`);
  const columns = [...view.columns].sort((a, b) => a.position - b.position).map((c) => c.name);
  const edges = await Promise.all(
    columns.map((c) =>
      api
        .get<ColumnEdge[]>(`/api/v1/lineage/columns?${q({ nodeId: fieldNodeId(namespace, name, c), depth: 1, direction: 'BOTH' })}`)
        // a column that no event mentioned has no lineage node: no edges
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return [] as ColumnEdge[];
          throw e;
        }),
    ),
  );
  return { columns, edges: edges.flat() };
}
