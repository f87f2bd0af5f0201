import { useState } from 'react';
import { download } from '../../api';
import { ErrorBox, ProgressBar } from '../../components/common';
import { useAction } from '../../hooks';

const FORMATS = ['pdf', 'csv', 'json'] as const;

/** Evidence for auditors: the entries of a period with the chain verification, as PDF, CSV or JSON. */
export function EvidenceExport({ from, to }: { from: string; to: string }) {
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function run(format: (typeof FORMATS)[number]) {
    setDone(null);
    const q = new URLSearchParams({ format });
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    await action.run(format, async () => {
      const size = await download(`/api/v1/audit/export?${q}`, `cairn-audit-evidence.${format}`);
      setDone(`Downloaded the ${format.toUpperCase()} evidence (${Math.max(1, Math.round(size / 1024))} KB).`);
    });
  }

  return (
    <div className="card" role="region" aria-label="Evidence export">
      <h2>Evidence export</h2>
      <p className="muted small">
        {from || to ? `The period of the filters: ${from || 'the start'} to ${to || 'now'}.` : 'The whole chain; set From and To below to export a period.'} The export itself is recorded in the chain.
      </p>
      <div className="actions">
        {FORMATS.map((f) => (
          <button key={f} type="button" disabled={!!action.busy} onClick={() => void run(f)}>Export {f.toUpperCase()}</button>
        ))}
      </div>
      {action.busy && <ProgressBar label={`Preparing the ${action.busy.toUpperCase()} export`} />}
      {done && <p className="ok" role="status">{done}</p>}
      <ErrorBox error={action.error} title="The export failed" />
    </div>
  );
}
