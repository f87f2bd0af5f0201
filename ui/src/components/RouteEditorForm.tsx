import { Suspense, lazy, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type RouteProblem } from '../api';
import { ErrorBox, Loading, ProgressBar } from './common';
import { asApiError } from '../hooks';

interface Props {
  initial: string;
  readOnly: boolean;
  /** Sends the route; rejects with the server's ApiError (its problems are shown at their lines). */
  deploy: (yaml: string) => Promise<unknown>;
  /** Fields shown above the editor (the new flow's id and name). */
  children?: ReactNode;
  submitLabel?: string;
}

// CodeMirror is most of the UI's code: it loads when an editor is first shown.
const YamlEditor = lazy(() => import('./YamlEditor').then((m) => ({ default: m.YamlEditor })));

/** The route editor with its Deploy button: the server validates the route, and its problems show inline. */
export function RouteEditorForm({ initial, readOnly, deploy, children, submitLabel = 'Deploy' }: Props) {
  const [yaml, setYaml] = useState(initial);
  const [problems, setProblems] = useState<RouteProblem[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [deployed, setDeployed] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDeployed(false);
    try {
      await deploy(yaml);
      setProblems([]);
      setDeployed(true);
    } catch (err) {
      const apiError = asApiError(err);
      setError(apiError);
      setProblems(apiError.problems);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="route-form">
      {children}
      <div className="label" aria-hidden="true">Route (Camel YAML DSL)</div>
      <Suspense fallback={<Loading what="the editor" />}>
        <YamlEditor label="Route (Camel YAML DSL)" value={yaml} onChange={(v) => { setYaml(v); setDeployed(false); }}
          problems={problems} readOnly={readOnly} />
      </Suspense>
      {error && (
        <ErrorBox
          title="Not deployed"
          error={new ApiError(error.status, error.message + (error.problems.length ? ' — fix the lines marked in the editor.' : ''))}
        />
      )}
      {deployed && (
        <p className="ok" role="status">
          Deployed.
        </p>
      )}
      {!readOnly && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Deploying…' : submitLabel}
          </button>
          {busy && <ProgressBar label="Validating and deploying the route" />}
        </div>
      )}
    </form>
  );
}
