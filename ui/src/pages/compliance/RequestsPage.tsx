import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, download } from '../../api';
import { ApiProblem, isMissingApi } from '../../components/ApiProblem';
import { Empty, Loading, ProgressBar, StateBadge, when } from '../../components/common';
import { PageTitle } from '../../components/PageTitle';
import type { DsarDetail, DsarSummary } from '../../contracts';
import { useAction, useApi } from '../../hooks';

const open = (s: string) => s === 'PENDING' || s === 'RUNNING';

/** Erasure and access requests: file one, follow its status, see what was done where and the audit proof. */
export function RequestsPage() {
  const [missing, setMissing] = useState(false);
  // polls for status changes, but not a server without the API
  const list = useApi<DsarSummary[]>('/api/v1/dsar', missing ? undefined : 3000);
  if (!missing && isMissingApi(list.error)) setMissing(true);
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  return (
    <section>
      <PageTitle>Erasure and access requests</PageTitle>
      <NewRequest onFiled={(id) => { setParams({ id }); void list.reload(); }} />
      <ApiProblem error={list.error} api="erasure and access request (DSAR)" title="Could not load the requests" />
      {list.loading && <Loading what="requests" />}
      {list.data?.length === 0 && <Empty title="No request yet.">File one above when a person asks for their data or to be forgotten.</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="grid" aria-label="Requests">
          <thead><tr><th scope="col">Request</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Filed</th><th scope="col">Finished</th><th scope="col">By</th></tr></thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <td><button type="button" className="link" onClick={() => setParams({ id: r.id })}>{r.id}</button></td>
                <td>{r.type}</td><td><StateBadge state={r.status} /></td>
                <td className="small">{when(r.createdAt)}</td><td className="small">{when(r.finishedAt)}</td><td>{r.requestedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <RequestDetail key={selected} id={selected} />}
    </section>
  );
}

function NewRequest({ onFiled }: { onFiled: (id: string) => void }) {
  const [type, setType] = useState<'erasure' | 'access'>('access');
  const [idType, setIdType] = useState('email');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();

  async function file(e: FormEvent) {
    e.preventDefault();
    let id = '';
    const ok = await action.run('file', async () => {
      id = (await api.post<DsarSummary>('/api/v1/dsar', { type, identifiers: [{ type: idType, value: value.trim() }], reason })).id;
    });
    if (ok) {
      setValue('');
      setReason('');
      onFiled(id);
    }
  }

  return (
    <form className="card" onSubmit={file} aria-label="New request">
      <h2>New request</h2>
      <div className="fields">
        <div><label htmlFor="dsar-type">Type</label>
          <select id="dsar-type" value={type} onChange={(e) => setType(e.target.value as 'erasure' | 'access')}>
            <option value="access">access: everything we hold about them</option>
            <option value="erasure">erasure: delete or anonymise them</option>
          </select></div>
        <div><label htmlFor="dsar-id-type">Identifier type</label>
          <select id="dsar-id-type" value={idType} onChange={(e) => setIdType(e.target.value)}>
            {['email', 'phone', 'customer_id'].map((t) => <option key={t}>{t}</option>)}
          </select></div>
        <div><label htmlFor="dsar-value">Identifier</label>
          <input id="dsar-value" required value={value} onChange={(e) => setValue(e.target.value)} /></div>
        <div><label htmlFor="dsar-reason">Reason</label>
          <input id="dsar-reason" required value={reason} placeholder="e.g. request by email of 3 May" onChange={(e) => setReason(e.target.value)} /></div>
      </div>
      <button type="submit" className="primary" disabled={!!action.busy}>{action.busy ? 'Filing…' : 'File request'}</button>
      <ApiProblem error={action.error} api="erasure and access request (DSAR)" title="The request was not filed" />
    </form>
  );
}

function RequestDetail({ id }: { id: string }) {
  const [settled, setSettled] = useState(false);
  // polls while the request is pending or running
  const r = useApi<DsarDetail>(`/api/v1/dsar/${encodeURIComponent(id)}`, settled ? undefined : 2000);
  if (!settled && ((r.data && !open(r.data.status)) || isMissingApi(r.error))) setSettled(true);
  if (r.loading) return <Loading what="the request" />;
  if (!r.data) return <ApiProblem error={r.error} api="erasure and access request (DSAR)" title="Could not load the request" />;
  const d = r.data;
  return (
    <div className="card" role="region" aria-label={`Request ${d.id}`}>
      <h2>Request {d.id} <StateBadge state={d.status} /></h2>
      {open(d.status) && <ProgressBar label={`${d.type} ${d.status === 'PENDING' ? 'waiting to start' : 'in progress'}`} />}
      <p>For {d.identifiers.map((i) => `${i.type} ${i.value}`).join(', ')}; filed {when(d.createdAt)}{d.finishedAt ? `, finished ${when(d.finishedAt)}` : ''}.</p>
      {d.steps.length > 0 && (
        <table className="grid" aria-label="What was done">
          <thead><tr><th scope="col">Dataset</th><th scope="col">Action</th><th scope="col" className="num">Rows</th><th scope="col">Detail</th></tr></thead>
          <tbody>
            {d.steps.map((s, i) => (
              <tr key={i}><td>{s.namespace} / {s.dataset}</td><td>{s.action}</td><td className="num">{s.rows}</td><td className="small">{s.detail}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {d.auditEntry !== null && d.auditEntry !== undefined && (
        <p>Proof: audit entry <Link to="/audit">#{d.auditEntry}</Link> in the verified chain.</p>
      )}
      {d.type === 'access' && d.status === 'DONE' && <BundleLink id={d.id} />}
    </div>
  );
}

function BundleLink({ id }: { id: string }) {
  const action = useAction();
  return (
    <>
      <button type="button" disabled={!!action.busy}
        onClick={() => void action.run('bundle', () => download(`/api/v1/dsar/${encodeURIComponent(id)}/bundle`, `access-${id}.json`))}>
        Download what we hold (JSON)
      </button>
      <ApiProblem error={action.error} api="erasure and access request (DSAR)" title="The download failed" />
    </>
  );
}
