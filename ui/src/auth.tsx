import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, basic, setAuthorization, setOnUnauthorized } from './api';
import type { Role, User } from './types';

// The signed-in user. The credentials live in memory and in sessionStorage (this tab only, gone when it closes).

const STORAGE_KEY = 'cairn.authorization';

interface Session {
  user: User | null;
  /** True while a stored session is being checked at start. */
  restoring: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
  has(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [restoring, setRestoring] = useState(() => sessionStorage.getItem(STORAGE_KEY) !== null);

  const logout = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setAuthorization(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setOnUnauthorized(logout);
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
      setUser(me);
    } catch (e) {
      setAuthorization(null);
      throw e;
    }
  }, []);

  const session = useMemo<Session>(
    () => ({
      user,
      restoring,
      login,
      logout,
      // admins pass every role check, as on the server; everyone signed in is a viewer
      has: (role) => !!user && (role === 'viewer' || user.roles.includes('admin') || user.roles.includes(role)),
    }),
    [user, restoring, login, logout],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
