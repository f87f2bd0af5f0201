import { useState } from 'react';
import { api } from '../../api';
import { Empty, ErrorBox, Loading } from '../../components/common';
import { PageTitle } from '../../components/PageTitle';
import type { RangerPolicy } from '../../contracts';
import { useAction, useApi } from '../../hooks';
import { PolicyEditor } from './PolicyEditor';

const TYPES: Record<number, string> = { 0: 'access', 1: 'masking', 2: 'row filter' };

const TEMPLATE: RangerPolicy = {
  name: 'new policy',
  service: 'cairn',
  policyType: 0,
  isEnabled: true,
  description: '',
  resources: { namespace: { values: ['*'] }, dataset: { values: ['*'] } },
  policyItems: [{ groups: ['steward'], accesses: [{ type: 'read', isAllowed: true }] }],
};

/** Access, masking and row-filter policies (Ranger's model): list, edit as JSON, create, delete. */
export function PoliciesPage() {
  const policies = useApi<RangerPolicy[]>('/api/v1/policies');
  const action = useAction();
  const [editing, setEditing] = useState<RangerPolicy | null>(null);
  const [confirm, setConfirm] = useState<number | null>(null);

  async function remove(p: RangerPolicy) {
    if (await action.run('delete', () => api.del(`/api/v1/policies/${p.id}`))) {
      setConfirm(null);
      await policies.reload();
    }
  }

  return (
    <section>
      <div className="page-head">
        <PageTitle>Policies</PageTitle>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setEditing(TEMPLATE)}>New policy</button>
        </div>
      </div>
      <p className="muted">Who may read, write, preview, export or deploy what, and which columns are masked or rows filtered. Changes apply to the next decision at once.</p>
      {editing && (
        <PolicyEditor policy={editing} onClose={(saved) => { setEditing(null); if (saved) void policies.reload(); }} />
      )}
      <ErrorBox error={policies.error} title="Could not load the policies" />
      <ErrorBox error={action.error} title="The policy was not deleted" />
      {policies.loading && <Loading what="policies" />}
      {policies.data?.length === 0 && (
        <Empty title="No policies: nobody but admins may touch data.">Create one with “New policy”, or import a Ranger export.</Empty>
      )}
      {policies.data && policies.data.length > 0 && (
        <table className="grid" aria-label="Policies">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Service</th><th scope="col">Kind</th><th scope="col">Resources</th><th scope="col">State</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {policies.data.map((p) => (
              <tr key={p.id} data-policy={p.name}>
                <td>{p.name}{p.description && <div className="muted small">{p.description}</div>}</td>
                <td className="small">{p.service}</td>
                <td className="small">{TYPES[p.policyType ?? 0] ?? p.policyType}</td>
                <td className="small">
                  {Object.entries(p.resources ?? {}).map(([k, v]) => <div key={k}>{k}: {v.isExcludes ? 'not ' : ''}{v.values.join(', ')}</div>)}
                </td>
                <td>{p.isEnabled === false ? <span className="badge badge-disabled">disabled</span> : <span className="badge badge-enabled">enabled</span>}</td>
                <td className="actions-cell">
                  <button type="button" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>Edit</button>
                  {confirm === p.id ? (
                    <button type="button" className="danger" disabled={!!action.busy} onClick={() => void remove(p)}>Really delete {p.name}</button>
                  ) : (
                    <button type="button" aria-label={`Delete ${p.name}`} onClick={() => setConfirm(p.id ?? null)}>Delete</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
