import { ErrorBox, Loading, num } from '../../components/common';
import type { Verification } from '../../contracts';
import { useApi } from '../../hooks';

/** Whether the audit hash chain and its signed checkpoints are intact (GET /api/v1/audit/verify). */
export function ChainStatus() {
  const v = useApi<Verification>('/api/v1/audit/verify');
  return (
    <div className="card chain-status" role="region" aria-label="Chain verification">
      <h2>Chain verification</h2>
      <ErrorBox error={v.error} title="Could not verify the chain" />
      {v.loading && <Loading what="the verification (it walks the whole chain)" />}
      {v.data && (v.data.intact ? (
        <p className="ok" data-intact="true">
          Intact: {num(v.data.entriesChecked)} entries up to #{v.data.headSeq} checked, {v.data.checkpointsVerified} signed checkpoints verified.
        </p>
      ) : (
        <p className="error-text" data-intact="false" role="alert">
          Broken at entry #{v.data.firstBrokenSeq}: {v.data.problem}. Entries from there on cannot be trusted; export the evidence and investigate who changed the catalog.
        </p>
      ))}
      <button type="button" onClick={() => void v.reload()} disabled={v.loading}>Verify again</button>
    </div>
  );
}
