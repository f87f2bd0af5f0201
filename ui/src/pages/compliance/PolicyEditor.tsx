import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api';
import { ErrorBox } from '../../components/common';
import type { RangerPolicy } from '../../contracts';
import { useAction } from '../../hooks';

/** A policy as Ranger JSON; the server checks it and lists every problem (refused conditions, unknown access types). */
export function PolicyEditor({ policy, onClose }: { policy: RangerPolicy; onClose: (saved: boolean) => void }) {
  const [text, setText] = useState(() => JSON.stringify(policy, null, 2));
  const action = useAction();
  const isNew = policy.id === undefined;

  async function save(e: FormEvent) {
    e.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      action.setError(new ApiError(400, `The policy is not valid JSON (${(err as Error).message}); fix it and save again`));
      return;
    }
    const ok = await action.run('save', () => (isNew ? api.post('/api/v1/policies', body) : api.put(`/api/v1/policies/${policy.id}`, body)));
    if (ok) onClose(true);
  }

  return (
    <form className="card" onSubmit={save} aria-label="Policy editor">
      <h2>{isNew ? 'New policy' : `Edit ${policy.name}`}</h2>
      <label htmlFor="policy-json">Policy (Ranger JSON)</label>
      <textarea id="policy-json" className="code-area" rows={18} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      <p className="muted small">
        Resources: namespace, dataset, column, flow, plugin. Access types: read, write, preview, export, deploy, admin.
        Masks (policyType 1): MASK, MASK_SHOW_LAST_4, MASK_HASH, MASK_NULL, CUSTOM. Script conditions are refused.
      </p>
      <ErrorBox error={action.error} title="The policy was not saved" />
      <div className="actions">
        <button type="submit" className="primary" disabled={!!action.busy}>{action.busy ? 'Saving…' : 'Save policy'}</button>
        <button type="button" onClick={() => onClose(false)}>Cancel</button>
      </div>
    </form>
  );
}
