import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ApiProblem } from '../../components/ApiProblem';
import { useAction } from '../../hooks';
import type { Column } from '../../types';

/** Replaces a column's tags with a reason (PUT /api/v1/datasets/{id}/columns/{column}/tags; audited). */
export function TagEditor({ datasetId, column, onDone }: { datasetId: number; column: Column; onDone: (saved: boolean) => void }) {
  const [tags, setTags] = useState(column.tags.join(', '));
  const [reason, setReason] = useState('');
  const action = useAction();
  const id = `tags-${column.position}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    const list = tags.split(',').map((t) => t.trim()).filter(Boolean);
    const path = `/api/v1/datasets/${datasetId}/columns/${encodeURIComponent(column.name)}/tags`;
    if (await action.run('tags', () => api.put(path, { tags: list, reason }))) onDone(true);
  }

  return (
    <form className="tag-editor" onSubmit={save}>
      <label htmlFor={id}>Tags of {column.name}, separated by commas</label>
      <input id={id} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="PII.email, PII" />
      <label htmlFor={`${id}-reason`}>Reason (kept in the audit log)</label>
      <input id={`${id}-reason`} value={reason} required onChange={(e) => setReason(e.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!!action.busy}>{action.busy ? 'Saving…' : 'Save tags'}</button>
        <button type="button" onClick={() => onDone(false)}>Cancel</button>
      </div>
      <ApiProblem error={action.error} api="column tags" title="The tags were not saved" />
    </form>
  );
}
