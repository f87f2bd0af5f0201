import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConfigProperty, Extension } from '../types';

// A form generated from a connector's or step's declared configuration. It checks what it can (required,
// numbers) and turns the values into the endpoint to paste into a route. Secrets are never shown back.

type Values = Record<string, string>;

function initialValues(props: ConfigProperty[]): Values {
  return Object.fromEntries(props.map((p) => [p.name, p.type === 'boolean' ? (p.default ?? 'false') : '']));
}

function problem(p: ConfigProperty, value: string): string | null {
  if (p.secret) return null;
  if (value === '') return p.required && p.default === null ? 'required' : null;
  if ((p.type === 'int' || p.type === 'long') && !/^-?\d+$/.test(value)) return 'a whole number';
  if (p.type === 'double' && Number.isNaN(Number(value))) return 'a number';
  return null;
}

/** A YAML scalar: numbers and booleans as they are, everything else double-quoted (JSON strings are YAML). */
function scalar(p: ConfigProperty, value: string): string {
  if (p.type === 'int' || p.type === 'long' || p.type === 'double' || p.type === 'boolean') return value;
  return JSON.stringify(value);
}

/** The environment variable a secret is read from, e.g. JDBC_PASSWORD. */
export function envName(x: Extension, p: ConfigProperty): string {
  return `${x.name}_${p.name}`.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

export function endpointYaml(x: Extension, values: Values): string {
  const set = x.properties.filter((p) => p.secret ? p.required
    : values[p.name] !== '' && !(p.type === 'boolean' && values[p.name] === (p.default ?? 'false')));
  const lines = [`- to:`, `    uri: "cairn:${x.kind}:${x.name}"`];
  if (x.kind === 'source') lines[0] = 'from:';
  if (set.length > 0) {
    lines.push('    parameters:');
    set.forEach((p) => lines.push(`      ${p.name}: ${p.secret ? `"{{env:${envName(x, p)}}}"` : scalar(p, values[p.name])}`));
  }
  return lines.join('\n') + '\n';
}

export function ExtensionForm({ extension, onClose }: { extension: Extension; onClose: () => void }) {
  const [values, setValues] = useState<Values>(() => initialValues(extension.properties));
  const [snippet, setSnippet] = useState<string>();
  const [touched, setTouched] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current!;
    d.showModal();
    return () => d.close();
  }, []);

  const problems = Object.fromEntries(extension.properties.map((p) => [p.name, problem(p, values[p.name])]));
  const valid = Object.values(problems).every((v) => v === null);
  const secrets = extension.properties.filter((p) => p.secret && p.required);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    setSnippet(valid ? endpointYaml(extension, values) : undefined);
  }

  const title = `Configure ${extension.kind} ${extension.name}`;
  return (
    <dialog ref={dialog} className="extension-form" aria-label={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2>{title}</h2>
        {extension.description && <p className="muted">{extension.description}</p>}
        {extension.properties.length === 0 && <p>This {extension.kind} needs no configuration.</p>}
        {extension.properties.map((p) => {
          const id = `cfg-${p.name}`;
          const error = touched ? problems[p.name] : null;
          const set = (v: string) => setValues({ ...values, [p.name]: v });
          const describedBy = `${id}-help${error ? ` ${id}-error` : ''}`;
          return (
            <div key={p.name} className="field">
              {p.secret ? (
                <p id={id}>
                  <strong>{p.name}</strong>
                  {p.required && <span aria-hidden="true"> *</span>} <span className="muted small">(secret)</span>: kept out of
                  the route, read from the server's environment variable <code>{envName(extension, p)}</code>
                </p>
              ) : p.type === 'boolean' ? (
                <label htmlFor={id} className="check">
                  <input id={id} type="checkbox" checked={values[p.name] === 'true'} aria-describedby={describedBy}
                    onChange={(e) => set(String(e.target.checked))} />{' '}
                  {p.name}
                </label>
              ) : (
                <>
                  <label htmlFor={id}>
                    {p.name}
                    {p.required && <span aria-hidden="true"> *</span>}
                    <span className="muted small"> ({p.type})</span>
                  </label>
                  {p.type === 'enum' && p.choices ? (
                    <select id={id} value={values[p.name]} required={p.required} aria-describedby={describedBy}
                      aria-invalid={!!error} onChange={(e) => set(e.target.value)}>
                      <option value="">{p.default ? `default (${p.default})` : '—'}</option>
                      {p.choices.map((c) => <option key={c} value={c}>{c}</option>)}
                    </select>
                  ) : (
                    <input id={id} value={values[p.name]} required={p.required} aria-describedby={describedBy}
                      aria-invalid={!!error} autoComplete="off"
                      type={p.type === 'int' || p.type === 'long' || p.type === 'double' ? 'number' : 'text'}
                      placeholder={p.default ?? ''} onChange={(e) => set(e.target.value)} />
                  )}
                </>
              )}
              <div id={`${id}-help`} className="muted small">{p.description}</div>
              {error && <div id={`${id}-error`} className="error-text small">{p.name} must be {error}.</div>}
            </div>
          );
        })}
        {snippet && (
          <div className="snippet">
            <p id="snippet-help">
              Put this endpoint in a route
              {secrets.length > 0 &&
                `; secrets stay out of the route: set ${secrets.map((p) => envName(extension, p)).join(', ')} in the server's environment (Camel's {{env:…}} placeholder)`}
              :
            </p>
            <pre aria-describedby="snippet-help" data-testid="endpoint-yaml">{snippet}</pre>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(snippet)}>Copy</button>
          </div>
        )}
        {touched && !valid && <p className="error-text" role="alert">Fill in the fields marked above.</p>}
        <div className="actions">
          <button type="submit" className="primary">Make the endpoint</button>
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </form>
    </dialog>
  );
}
