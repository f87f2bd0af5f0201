import { useState } from 'react';
import { api } from '../../api';
import { useSession } from '../../auth';
import { Empty, ErrorBox } from '../../components/common';
import type { Suggestion } from '../../contracts';
import { useAction, useApi } from '../../hooks';
import type { Column, Dataset } from '../../types';
import { TagEditor } from './TagEditor';

/**
 * The current schema with each column's tags; for stewards also the PII tags the scans suggest (accept or
 * reject each, POST /api/v1/classification/suggestions/{id}/accept|reject) and a tag editor per column.
 */
export function SchemaPanel({ dataset, columns, onChanged }: { dataset: Dataset; columns: Column[]; onChanged: () => void }) {
  const { has } = useSession();
  const steward = has('steward');
  const suggestions = useApi<Suggestion[]>(steward ? '/api/v1/classification/suggestions?status=ALL&limit=1000' : null);
  const action = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const mine = (suggestions.data ?? []).filter((s) => s.namespace === dataset.namespace && s.dataset === dataset.name);
  const pending = mine.filter((s) => s.status === 'SUGGESTED').length;

  const decide = (s: Suggestion, verdict: 'accept' | 'reject') =>
    action.run(verdict, () => api.post(`/api/v1/classification/suggestions/${s.id}/${verdict}`)).then(suggestions.reload);

  if (columns.length === 0) {
    return <Empty title="No schema recorded yet.">The schema is recorded the first time a flow writes or reads rows of this dataset.</Empty>;
  }
  return (
    <>
      {steward && pending > 0 && (
        <p className="notice" role="status">{pending} PII {pending === 1 ? 'suggestion waits' : 'suggestions wait'} for your review: accept the tags that are right, reject the others.</p>
      )}
      <ErrorBox error={suggestions.error} title="Could not load the PII suggestions" />
      <ErrorBox error={action.error} title="The decision was not saved" />
      <table className="grid" aria-label="Schema">
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Nullable</th>
            <th scope="col">Tags</th>
            {steward && <th scope="col">PII suggestions</th>}
          </tr>
        </thead>
        <tbody>
          {[...columns].sort((a, b) => a.position - b.position).map((c) => (
            <tr key={c.position} data-column={c.name}>
              <td className="num">{c.position + 1}</td>
              <td><code>{c.name}</code></td>
              <td>{c.dataType}</td>
              <td>{c.nullable ? 'yes' : 'no'}</td>
              <td>
                {c.tags.length === 0 ? <span className="muted">–</span> : [...c.tags].sort().map((t) => <span key={t} className="tag">{t}</span>)}
                {steward && editing !== c.name && (
                  <>{' '}<button type="button" className="link small" aria-label={`Edit the tags of ${c.name}`} onClick={() => setEditing(c.name)}>edit</button></>
                )}
                {editing === c.name && (
                  <TagEditor datasetId={dataset.id} column={c} onDone={(saved) => { setEditing(null); if (saved) onChanged(); }} />
                )}
              </td>
              {steward && (
                <td>
                  {mine.filter((s) => s.column === c.name).map((s) => (
                    <div key={s.id} className="suggestion" data-status={s.status}>
                      <span className="tag">{s.tag}</span>{' '}
                      <span className="muted small">{Math.round(s.confidence * 100)}%{s.reason ? `, ${s.reason}` : ''}</span>{' '}
                      {s.status === 'SUGGESTED' ? (
                        <>
                          <button type="button" disabled={!!action.busy} aria-label={`Accept ${s.tag} for ${c.name}`} onClick={() => void decide(s, 'accept')}>Accept</button>{' '}
                          <button type="button" disabled={!!action.busy} aria-label={`Reject ${s.tag} for ${c.name}`} onClick={() => void decide(s, 'reject')}>Reject</button>
                        </>
                      ) : (
                        <span className={s.status === 'ACCEPTED' ? 'ok' : 'muted'}>{s.status === 'ACCEPTED' ? 'accepted' : 'rejected'}{s.decidedBy ? ` by ${s.decidedBy}` : ''}</span>
                      )}
                    </div>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {steward && !suggestions.loading && !suggestions.error && mine.length === 0 && (
        <p className="muted small">No PII suggestions for this dataset: the scans suggest tags when a run reads it.</p>
      )}
    </>
  );
}

