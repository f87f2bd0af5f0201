// JSON shapes of the governance, lineage and marketing APIs: the existing resources (lineage, classification,
// policies, audit) and the contracts agreed in /work/api-contracts.md (search, dataset page, preview, consent,
// DSAR, segments and model additions), which some servers do not have yet.

// --- lineage (platform/.../lineage/LineageResource.java) ---
export interface GraphEdge {
  origin: string;
  destination: string;
}

export interface GraphNode {
  id: string;
  type: 'DATASET' | 'JOB' | string;
  data: { namespace: string; name: string; flowId?: string };
  inEdges: GraphEdge[];
  outEdges: GraphEdge[];
}

export interface LineageGraphAnswer {
  graph: GraphNode[];
}

export interface Field {
  namespace: string;
  name: string;
  field: string;
}

export interface ColumnEdge {
  source: Field;
  target: Field;
  type: string;
  subtype: string;
  masking: boolean;
  description: string | null;
  job: string | null;
  flowId: string | null;
  depth: number;
}

export interface Impact {
  column: string;
  columns: string[];
  datasets: string[];
  jobs: string[];
  flows: string[];
  edges: ColumnEdge[];
}

export interface LineageRun {
  runId: string;
  job: string;
  flowId: string | null;
  flowRunId: string | null;
  state: string;
  startedAt: string | null;
  endedAt: string | null;
  error: string | null;
}

// --- classification (platform/.../policy/ClassificationResource.java) ---
export interface Suggestion {
  id: number;
  namespace: string;
  dataset: string;
  column: string;
  tag: string;
  confidence: number;
  reason: string | null;
  status: 'SUGGESTED' | 'ACCEPTED' | 'REJECTED';
  decidedBy: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

// --- policies: Ranger's JSON model (platform/.../policy/PoliciesResource.java) ---
export interface RangerPolicy {
  id?: number;
  name: string;
  service: string;
  policyType?: number;
  isEnabled?: boolean;
  isDenyAllElse?: boolean;
  description?: string;
  resources?: Record<string, { values: string[]; isExcludes?: boolean; isRecursive?: boolean }>;
  policyItems?: { users?: string[]; groups?: string[]; roles?: string[]; accesses?: { type: string; isAllowed?: boolean }[] }[];
  denyPolicyItems?: unknown[];
  dataMaskPolicyItems?: unknown[];
  rowFilterPolicyItems?: unknown[];
  [key: string]: unknown;
}

// --- audit (platform/.../audit/AuditResource.java) ---
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  details: string | null;
  prevHash: string;
  hash: string;
}

export interface Verification {
  intact: boolean;
  entriesChecked: number;
  headSeq: number;
  checkpointsVerified: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}

// --- catalog search and dataset page (contract) ---
export type SearchKind = 'dataset' | 'column' | 'flow' | 'tag' | 'owner';

export interface SearchResult {
  kind: SearchKind;
  id: string;
  name: string;
  namespace: string | null;
  dataset?: string | null;
  snippet: string | null;
}

export interface DatasetRefLite {
  id: string;
  namespace: string;
  name: string;
}

export interface QualityPoint {
  runId: string;
  at: string;
  completeness: number | null;
  validity: number | null;
  uniqueness: number | null;
}

export interface DatasetPageAnswer {
  id: string;
  namespace: string;
  name: string;
  description: string | null;
  owners: string[];
  tags: string[];
  schema: { name: string; type: string; tags: string[] }[];
  versions: {
    version: number;
    createdAt: string;
    runId: string | null;
    diff: { added: string[]; removed: string[]; changed: { name: string; from: string; to: string }[] };
  }[];
  quality: QualityPoint[];
  lineage: { upstream: DatasetRefLite[]; downstream: DatasetRefLite[] };
}

export interface Preview {
  columns: { name: string; type: string; masked: boolean; mask: string | null }[];
  rows: unknown[][];
  rowFilter: string | null;
}

// --- consent (contract) ---
export interface Identifier {
  type: string;
  value: string;
}

export interface ConsentSubject {
  subjectId: string;
  identifiers: Identifier[];
  purposes: { purpose: string; status: string; lawfulBasis: string; source: string; noticeVersion: string; since: string; valid: boolean }[];
  history: { at: string; purpose: string; status: string; lawfulBasis: string; source: string; noticeVersion: string; recordedBy: string }[];
}

// --- erasure and access requests (contract) ---
export type DsarStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

export interface DsarSummary {
  id: string;
  type: 'erasure' | 'access';
  status: DsarStatus;
  createdAt: string;
  finishedAt: string | null;
  requestedBy: string;
}

export interface DsarDetail extends Omit<DsarSummary, 'requestedBy'> {
  identifiers: Identifier[];
  steps: { dataset: string; namespace: string; action: 'deleted' | 'anonymised' | 'exported' | 'skipped'; rows: number; detail: string | null }[];
  auditEntry: number | null;
}

// --- segments and models (contract; GET /api/v1/models exists) ---
export interface Segment {
  name: string;
  rule: string;
  size: number;
  updatedAt: string;
}

export interface SizePoint {
  at: string;
  size: number;
}

export interface Clusters {
  k: number;
  silhouette: number;
  clusters: { id: number; size: number; means: Record<string, number> }[];
}

export interface SegmentExport {
  id: string;
  at: string;
  format: 'csv' | 'webhook';
  purpose: string;
  rows: number;
  suppressed: number;
  status: string;
  manifest?: unknown;
}

export interface Model {
  id: number;
  name: string;
  version: number;
  kind: string;
  stage: string;
  features: string[];
  metrics: Record<string, number>;
  trainingDataset: string | null;
  createdBy: string;
  createdAt: string;
  promotedAt: string | null;
  roc?: { fpr: number; tpr: number }[];
  lift?: { decile: number; lift: number }[];
}
