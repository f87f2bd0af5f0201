import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, basic, setAuthorization, setOnUnauthorized } from './api';
import type { Role, User } from './types';

// The signed-in user. The credentials live in memory and in sessionStorage (this tab only, gone when it closes).

const STORAGE_KEY = 'cairn.authorization';

interface Session {
  user: User | null;
  /** Why the last session ended when the user did not log out (e.g. the password was changed). */
  ended: string | null;
  /** True while a stored session is being checked at start. */
  restoring: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
  has(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  // a 401 while signing in means wrong credentials; only a 401 later ends a session
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = user !== null;
  }, [user]);
  const [restoring, setRestoring] = useState(() => sessionStorage.getItem(STORAGE_KEY) !== null);

  const logout = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setAuthorization(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setOnUnauthorized(() => {
      if (!signedIn.current) return;
      logout();
      setEnded('The server no longer accepts your credentials (the password may have changed): sign in again.');
    });
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return;
    setAuthorization(stored);
    api
      .get<User>('/api/v1/users/me')
      .then(setUser, logout)
      .finally(() => setRestoring(false));
  }, [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const authorization = basic(username, password);
    setAuthorization(authorization);
    try {
      const me = await api.get<User>('/api/v1/users/me');
      sessionStorage.setItem(STORAGE_KEY, authorization);
      setEnded(null);
      setUser(me);
    } catch (e) {
      setAuthorization(null);
      throw e;
    }
  }, []);

  const session = useMemo<Session>(
    () => ({
      user,
      ended,
      restoring,
      login,
      logout,
      // admins pass every role check, as on the server; everyone signed in is a viewer
      has: (role) => !!user && (role === 'viewer' || user.roles.includes('admin') || user.roles.includes(role)),
    }),
    [user, ended, restoring, login, logout],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
