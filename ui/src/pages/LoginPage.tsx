import { useState, type FormEvent } from 'react';
import { useSession } from '../auth';
import { ErrorBox } from '../components/common';
import { asApiError } from '../hooks';
import type { ApiError } from '../api';

export function LoginPage() {
  const { login, ended } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">◭ Cairn</h1>
        <p className="muted">Sign in with your Cairn user name and password.</p>
        {ended && !error && <p className="notice" role="status">{ended}</p>}
        <label htmlFor="username">User name</label>
        <input id="username" name="username" autoComplete="username" autoFocus required value={username}
          onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorBox error={error} title="Could not sign in" />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
