// The API's JSON shapes (see platform/src/main/java/io/cairn/platform/**/*Resource.java).

export type Role = 'admin' | 'engineer' | 'steward' | 'compliance' | 'viewer' | 'marketing';

export interface User {
  id: number;
  username: string;
  displayName: string | null;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface Flow {
  id: string;
  name: string;
  description: string | null;
  currentVersion: number;
  format: string;
  definition: string;
  desiredState: string;
  runAs: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type RunState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

export interface Run {
  id: string;
  flowId: string;
  flowVersion: number;
  state: RunState;
  trigger: string;
  node: string;
  startedAt: string;
  endedAt: string | null;
  heartbeatAt: string | null;
  rowsIn: number;
  rowsOut: number;
  rowsQuarantined: number;
  batches: number;
  error: string | null;
}

export interface Progress {
  runId: string;
  rowsIn: number;
  rowsOut: number;
  rowsQuarantined: number;
  batches: number;
  rowsPerSecond: number;
}

export interface FlowStatus {
  flow: Flow;
  status: 'RUNNING' | 'IDLE' | 'INVALID';
  loadError: string | null;
  lastRun: Run | null;
  progress: Progress | null;
}

export interface Dataset {
  id: number;
  namespace: string;
  name: string;
  description: string | null;
  currentSchemaVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Column {
  position: number;
  name: string;
  dataType: string;
  nullable: boolean;
  tags: string[];
}

export interface RunDataset {
  runId: string;
  dataset: Dataset;
  direction: 'INPUT' | 'OUTPUT';
  rows: number;
}

export interface QuarantineEntry {
  id: number;
  runId: string;
  flowId: string;
  datasetNamespace: string;
  datasetName: string;
  sourceOffset: string | null;
  reason: string;
  payload: string | null;
  createdAt: string;
}

export interface FlowVersion {
  flowId: string;
  version: number;
  format: string;
  definition: string;
  createdBy: string;
  createdAt: string;
}

export interface ConfigProperty {
  name: string;
  type: 'string' | 'int' | 'long' | 'double' | 'boolean' | 'enum' | 'list' | 'path';
  required: boolean;
  default: string | null;
  secret: boolean;
  description: string | null;
  choices: string[] | null;
}

export interface Extension {
  plugin: string;
  kind: 'source' | 'sink' | 'step' | string;
  name: string;
  description: string;
  properties: ConfigProperty[];
}

export interface Plugin {
  id: string;
  version: string;
  state: 'ENABLED' | 'DISABLED' | 'FAILED';
  sha256: string;
  provider: string | null;
  description: string | null;
  requires: string | null;
  extensions: Extension[];
  installedAt: string;
  installedBy: string;
  updatedAt: string;
  fileName: string;
  error: string | null;
}

export interface RunEntryDetail {
  run: Run;
  datasets: RunDataset[];
}
