import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../components/ApiProblem';
import { Empty, Loading, StateBadge, when } from '../../components/common';
import { PageTitle } from '../../components/PageTitle';
import type { ConsentSubject } from '../../contracts';
import { useApi } from '../../hooks';

const TYPES = ['', 'email', 'phone', 'customer_id', 'device_id', 'cookie_id'];

/** A person's consent, looked up by any identifier: each purpose's current state and the full history. */
export function ConsentPage() {
  const [params, setParams] = useSearchParams();
  const identifier = params.get('identifier') ?? '';
  const type = params.get('type') ?? '';
  const [text, setText] = useState(identifier);
  const [typeChoice, setTypeChoice] = useState(type);
  const query = new URLSearchParams({ identifier, ...(type ? { type } : {}) });
  const subject = useApi<ConsentSubject>(identifier ? `/api/v1/consent/subjects?${query}` : null);
  const unknown = subject.error?.status === 404 && subject.error.message !== 'HTTP 404 Not Found';

  function lookUp(e: FormEvent) {
    e.preventDefault();
    setParams(text.trim() ? { identifier: text.trim(), ...(typeChoice ? { type: typeChoice } : {}) } : {});
  }

  return (
    <section>
      <PageTitle>Consent</PageTitle>
      <form role="search" className="toolbar" onSubmit={lookUp}>
        <label htmlFor="consent-identifier">Identifier</label>
        <input id="consent-identifier" type="search" value={text} placeholder="an email, phone, customer id…" onChange={(e) => setText(e.target.value)} />
        <label htmlFor="consent-type">Type</label>
        <select id="consent-type" value={typeChoice} onChange={(e) => setTypeChoice(e.target.value)}>
          {TYPES.map((t) => <option key={t} value={t}>{t || 'any'}</option>)}
        </select>
        <button type="submit" className="primary">Look up</button>
      </form>
      {!identifier && <Empty title="Look up a person by any identifier.">Their email, phone number or customer id finds every purpose they consented to or refused, and when.</Empty>}
      {subject.loading && <Loading what="consent" />}
      {unknown ? (
        <Empty title={`No one with the identifier “${identifier}” is known.`}>Check the spelling or choose the type; unknown people are treated as each purpose's default says.</Empty>
      ) : (
        <ApiProblem error={subject.error} api="consent" title="The lookup failed" />
      )}
      {subject.data && <Subject s={subject.data} />}
    </section>
  );
}

function Subject({ s }: { s: ConsentSubject }) {
  return (
    <>
      <dl className="facts">
        <div><dt>Subject</dt><dd><code>{s.subjectId}</code></dd></div>
        <div><dt>Identifiers</dt><dd>{s.identifiers.map((i) => <div key={`${i.type}:${i.value}`}>{i.type}: {i.value}</div>)}</dd></div>
      </dl>
      <h2>Purposes</h2>
      {s.purposes.length === 0 ? <p className="muted">No purpose recorded for this person.</p> : (
        <table className="grid" aria-label="Consent by purpose">
          <thead><tr><th scope="col">Purpose</th><th scope="col">Status</th><th scope="col">Basis</th><th scope="col">Source</th><th scope="col">Notice</th><th scope="col">Since</th><th scope="col">Valid</th></tr></thead>
          <tbody>
            {s.purposes.map((p) => (
              <tr key={p.purpose} data-purpose={p.purpose}>
                <td>{p.purpose}</td>
                <td><StateBadge state={p.status} /></td>
                <td>{p.lawfulBasis}</td>
                <td>{p.source}</td>
                <td>{p.noticeVersion}</td>
                <td className="small">{when(p.since)}</td>
                <td>{p.valid ? 'yes' : <span className="error-text">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>History</h2>
      <table className="grid" aria-label="Consent history">
        <thead><tr><th scope="col">When</th><th scope="col">Purpose</th><th scope="col">Status</th><th scope="col">Basis</th><th scope="col">Source</th><th scope="col">Notice</th><th scope="col">Recorded by</th></tr></thead>
        <tbody>
          {s.history.map((h, i) => (
            <tr key={i}>
              <td className="small">{when(h.at)}</td><td>{h.purpose}</td><td><StateBadge state={h.status} /></td>
              <td>{h.lawfulBasis}</td><td>{h.source}</td><td>{h.noticeVersion}</td><td>{h.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
