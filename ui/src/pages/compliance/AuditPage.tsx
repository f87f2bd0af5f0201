import { useState, type FormEvent } from 'react';
import { Empty, ErrorBox, Loading, when } from '../../components/common';
import { PageTitle } from '../../components/PageTitle';
import type { AuditEntry } from '../../contracts';
import { useApi } from '../../hooks';
import { ChainStatus } from './ChainStatus';
import { EvidenceExport } from './EvidenceExport';

const PAGE = 50;
const FILTERS = ['from', 'to', 'actor', 'action', 'target', 'outcome'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const NONE: Filters = { from: '', to: '', actor: '', action: '', target: '', outcome: '' };

/** The audit chain: its verification, entries with filters, and evidence export. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  const [offset, setOffset] = useState(0);
  const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
  FILTERS.forEach((f) => filters[f] && query.set(f, filters[f]));
  const entries = useApi<AuditEntry[]>(`/api/v1/audit?${query}`);

  function apply(e: FormEvent) {
    e.preventDefault();
    setOffset(0);
    setFilters(draft);
  }

  return (
    <section>
      <PageTitle>Audit log</PageTitle>
      <ChainStatus />
      <EvidenceExport from={filters.from} to={filters.to} />
      <form className="card" onSubmit={apply} aria-label="Audit filters">
        <h2>Filter</h2>
        <div className="fields">
          {FILTERS.map((f) => (
            <div key={f}>
              <label htmlFor={`audit-${f}`}>{label(f)}</label>
              <input id={`audit-${f}`} type={f === 'from' || f === 'to' ? 'date' : 'text'} value={draft[f]}
                placeholder={f === 'action' ? 'e.g. policy.update' : f === 'outcome' ? 'ok, denied, error' : ''}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
            </div>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="primary">Apply filters</button>
          <button type="button" onClick={() => { setDraft(NONE); setFilters(NONE); setOffset(0); }}>Clear</button>
        </div>
      </form>
      <ErrorBox error={entries.error} title="Could not load the audit log" />
      {entries.loading && <Loading what="audit entries" />}
      {entries.data?.length === 0 && (
        <Empty title="No audit entry matches.">{offset > 0 ? 'This is past the last page.' : 'Clear or widen the filters (dates are whole days, UTC).'}</Empty>
      )}
      {entries.data && entries.data.length > 0 && (
        <table className="grid" aria-label="Audit entries">
          <thead>
            <tr><th scope="col" className="num">#</th><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Outcome</th><th scope="col">Details</th></tr>
          </thead>
          <tbody>
            {entries.data.map((a) => (
              <tr key={a.seq} data-seq={a.seq}>
                <td className="num">{a.seq}</td>
                <td className="small">{when(a.at)}</td>
                <td>{a.actor}</td>
                <td><code>{a.action}</code></td>
                <td className="small">{a.target}</td>
                <td><span className={`badge badge-${a.outcome === 'ok' ? 'succeeded' : 'failed'}`}>{a.outcome}</span></td>
                <td><pre className="payload">{a.details}</pre></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous page</button>
        <span className="muted">entries {offset + 1}–{offset + (entries.data?.length ?? 0)}</span>
        <button type="button" disabled={(entries.data?.length ?? 0) < PAGE} onClick={() => setOffset(offset + PAGE)}>Next page</button>
      </div>
    </section>
  );
}

function label(f: string): string {
  return f === 'from' ? 'From (day)' : f === 'to' ? 'To (day)' : f[0].toUpperCase() + f.slice(1);
}
