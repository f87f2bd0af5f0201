import type { ReactNode } from 'react';
import type { ApiError } from '../api';

/** An error that says what went wrong, with the server's details. */
export function ErrorBox({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <strong>{title ?? 'Something went wrong'}:</strong> {error.message}
      {error.details.length > 0 && (
        <ul>
          {error.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What to show where there is nothing yet, and what to do next. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-next">{children}</div>}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** A progress bar: a fraction 0..1, or indeterminate when undefined. */
export function ProgressBar({ label, fraction }: { label: string; fraction?: number }) {
  return (
    <div className="progress-row">
      <progress aria-label={label} max={1} value={fraction}>
        {fraction === undefined ? '' : `${Math.round(fraction * 100)}%`}
      </progress>
      <span className="muted">
        {label}
        {fraction !== undefined && ` ${Math.round(fraction * 100)}%`}
      </span>
    </div>
  );
}

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge badge-${state.toLowerCase()}`}>{state}</span>;
}

const numberFormat = new Intl.NumberFormat('en');

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : numberFormat.format(Math.round(n));
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function duration(startIso: string, endIso: string | null): string {
  const ms = (endIso ? new Date(endIso).getTime() : Date.now()) - new Date(startIso).getTime();
  if (!(ms >= 0)) return '–';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
