import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useSession } from '../auth';
import { Empty, ErrorBox, Loading, when } from '../components/common';
import { useAction, useApi } from '../hooks';
import type { ApiToken, Role, User } from '../types';
import { PageTitle } from '../components/PageTitle';

const ROLES: Role[] = ['admin', 'engineer', 'steward', 'compliance', 'viewer', 'marketing'];

/** Admins: users and their roles; everyone's own API tokens. */
export function UsersPage() {
  const { user: me } = useSession();
  const users = useApi<User[]>('/api/v1/users');
  const action = useAction();
  const path = (u: User) => `/api/v1/users/${encodeURIComponent(u.username)}`;
  const act = (label: string, call: () => Promise<unknown>) => action.run(label, call).then(users.reload);

  return (
    <section>
      <PageTitle>Users</PageTitle>
      <NewUser onCreated={users.reload} />
      <ErrorBox error={users.error} title="Could not load the users" />
      <ErrorBox error={action.error} title="The change failed" />
      {users.loading && <Loading what="users" />}
      {users.data && (
        <table className="grid" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">User</th>
              {ROLES.map((r) => <th key={r} scope="col">{r}</th>)}
              <th scope="col">State</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>{u.username}{u.displayName && <div className="muted small">{u.displayName}</div>}</td>
                {ROLES.map((r) => (
                  <td key={r}>
                    <input type="checkbox" aria-label={`${u.username} is ${r}`} checked={u.roles.includes(r)}
                      disabled={!!action.busy || (u.id === me?.id && r === 'admin')}
                      onChange={(e) => {
                        const roles = e.target.checked ? [...u.roles, r] : u.roles.filter((x) => x !== r);
                        void act('roles', () => api.put(path(u), { roles }));
                      }} />
                  </td>
                ))}
                <td>
                  <button type="button" disabled={!!action.busy || u.id === me?.id}
                    onClick={() => act('state', () => api.put(path(u), { disabled: !u.disabled }))}
                    aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>{' '}
                  {u.disabled && <span className="muted">disabled</span>}
                </td>
                <td className="small">{when(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Tokens />
    </section>
  );
}

function NewUser({ onCreated }: { onCreated: () => Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['viewer']);
  const action = useAction();
  const [created, setCreated] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(undefined);
    const ok = await action.run('create', () => api.post('/api/v1/users', { username: username.trim(), password, roles }));
    if (ok) {
      setCreated(`Created ${username.trim()}.`);
      setUsername('');
      setPassword('');
      await onCreated();
    }
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">Add a user</h2>
      <div className="fields">
        <div>
          <label htmlFor="new-username">User name</label>
          <input id="new-username" required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div>
          <label htmlFor="new-password">Password</label>
          <input id="new-password" type="password" required autoComplete="new-password" value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </div>
        <fieldset>
          <legend>Roles</legend>
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} /> {r}
            </label>
          ))}
        </fieldset>
      </div>
      <ErrorBox error={action.error} title="Could not add the user" />
      {created && <p className="ok" role="status">{created}</p>}
      <button type="submit" className="primary" disabled={!!action.busy}>Add user</button>
    </form>
  );
}

/** The signed-in user's API tokens: create (shown once), list, revoke. */
function Tokens() {
  const tokens = useApi<ApiToken[]>('/api/v1/users/me/tokens');
  const action = useAction();
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string>();

  async function create(e: FormEvent) {
    e.preventDefault();
    setShown(undefined);
    await action.run('create token', async () => {
      const t = await api.post<{ token: string }>('/api/v1/users/me/tokens', { name: name.trim() });
      setShown(t.token);
      setName('');
    });
    await tokens.reload();
  }

  const active = (tokens.data ?? []).filter((t) => !t.revoked);
  return (
    <div className="card">
      <h2>Your API tokens</h2>
      <form className="toolbar" onSubmit={create}>
        <label htmlFor="token-name">Token name</label>
        <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. ci" />
        <button type="submit" disabled={!!action.busy}>Create token</button>
      </form>
      {shown && (
        <p className="ok" role="status">
          Copy the token now, it is shown only once: <code className="token">{shown}</code>
        </p>
      )}
      <ErrorBox error={action.error ?? tokens.error} title="Tokens" />
      {tokens.data && active.length === 0 && <Empty title="No API tokens.">Create one for scripts and the CLI (CAIRN_TOKEN).</Empty>}
      {active.length > 0 && (
        <table className="grid" aria-label="API tokens">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col" /></tr>
          </thead>
          <tbody>
            {active.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td><code>{t.prefix}</code></td>
                <td className="small">{when(t.createdAt)}</td>
                <td className="small">{when(t.lastUsedAt)}</td>
                <td>
                  <button type="button" aria-label={`Revoke ${t.name}`}
                    onClick={() => action.run('revoke', () => api.del(`/api/v1/users/me/tokens/${t.id}`)).then(tokens.reload)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
