import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './api';

/** Data loaded from the API: the value, the error that stopped it, and a way to load it again. */
export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * GETs a path (null: nothing yet), and again every `intervalMs` when given. A failed poll keeps the last data
 * and shows the error; the next good answer clears it.
 */
export function useApi<T>(path: string | null, intervalMs?: number): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const current = useRef(path);
  current.current = path;

  const reload = useCallback(async () => {
    if (path === null) return;
    try {
      const value = await api.get<T>(path);
      if (current.current === path) {
        setData(value);
        setError(undefined);
      }
    } catch (e) {
      if (current.current === path) setError(asApiError(e));
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setLoading(path !== null);
    setData(undefined);
    void reload();
    if (!intervalMs) return;
    // a hidden tab does not poll; it catches up when shown again
    const timer = setInterval(() => {
      if (!document.hidden) void reload();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs, path]);

  return { data, error, loading, reload };
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, e instanceof Error ? e.message : String(e));
}

/** Runs one action at a time (deploy, run, enable ...), remembering its error and whether it is under way. */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (label: string, action: () => Promise<unknown>) => {
    setBusy(label);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}
