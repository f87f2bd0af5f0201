import { useRef, useState, type FormEvent } from 'react';
import { api, upload } from '../api';
import { Empty, ErrorBox, Loading, ProgressBar, StateBadge, when } from '../components/common';
import { ExtensionForm } from '../components/ExtensionForm';
import { useAction, useApi } from '../hooks';
import type { Extension, Plugin } from '../types';
import { PageTitle } from '../components/PageTitle';

/** Installed plugins: versions and state, enable/disable, upload (install or upgrade) with progress, remove. */
export function PluginsPage() {
  const plugins = useApi<Plugin[]>('/api/v1/plugins');
  const extensions = useApi<Extension[]>('/api/v1/extensions');
  const action = useAction();
  const [configuring, setConfiguring] = useState<Extension>();
  const [removing, setRemoving] = useState<string>();

  const refresh = () => Promise.all([plugins.reload(), extensions.reload()]);
  const act = (label: string, call: () => Promise<unknown>) => action.run(label, call).then(refresh);
  const path = (id: string) => `/api/v1/plugins/${encodeURIComponent(id)}`;

  return (
    <section>
      <PageTitle>Plugins</PageTitle>
      <Upload onDone={refresh} />
      <ErrorBox error={plugins.error} title="Could not load the plugins" />
      <ErrorBox error={action.error} title="The change failed" />
      {plugins.loading && <Loading what="plugins" />}
      {plugins.data?.length === 0 && (
        <Empty title="No plugins installed.">Upload a plugin zip above; its connectors and steps become usable in routes.</Empty>
      )}
      {plugins.data && plugins.data.length > 0 && (
        <table className="grid" aria-label="Installed plugins">
          <thead>
            <tr>
              <th scope="col">Plugin</th>
              <th scope="col">Version</th>
              <th scope="col">State</th>
              <th scope="col">Connectors and steps</th>
              <th scope="col">Installed</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {plugins.data.map((p) => (
              <tr key={p.id} data-plugin={p.id}>
                <td>
                  <strong>{p.id}</strong>
                  {p.description && <div className="small">{p.description}</div>}
                  {p.provider && <div className="muted small">by {p.provider}</div>}
                </td>
                <td>{p.version}</td>
                <td>
                  <StateBadge state={p.state} />
                  {p.error && <div className="small error-text">{p.error}</div>}
                </td>
                <td>
                  {p.extensions.length === 0 && <span className="muted">none</span>}
                  {p.extensions.map((x) => {
                    const described = extensions.data?.find((e) => e.plugin === x.plugin && e.kind === x.kind && e.name === x.name);
                    return (
                      <div key={`${x.kind}:${x.name}`}>
                        <code>{x.kind}:{x.name}</code>{' '}
                        {described && (
                          <button type="button" className="link small" onClick={() => setConfiguring(described)}
                            aria-label={`Configure ${x.kind} ${x.name}`}>
                            configure
                          </button>
                        )}
                      </div>
                    );
                  })}
                </td>
                <td className="small">{when(p.installedAt)}<div className="muted">by {p.installedBy}</div></td>
                <td className="actions-cell">
                  {p.state === 'ENABLED' ? (
                    <button type="button" disabled={!!action.busy} onClick={() => act('disable', () => api.post(`${path(p.id)}/disable`))}
                      aria-label={`Disable ${p.id}`}>Disable</button>
                  ) : (
                    <button type="button" disabled={!!action.busy} onClick={() => act('enable', () => api.post(`${path(p.id)}/enable`))}
                      aria-label={`Enable ${p.id}`}>Enable</button>
                  )}
                  {removing === p.id ? (
                    <>
                      <button type="button" className="danger" onClick={() => { setRemoving(undefined); void act('remove', () => api.del(path(p.id))); }}
                        aria-label={`Confirm removing ${p.id}`}>Confirm remove</button>
                      <button type="button" onClick={() => setRemoving(undefined)}>Keep</button>
                    </>
                  ) : (
                    <button type="button" disabled={!!action.busy} onClick={() => setRemoving(p.id)} aria-label={`Remove ${p.id}`}>Remove</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {configuring && <ExtensionForm extension={configuring} onClose={() => setConfiguring(undefined)} />}
    </section>
  );
}

/** Installs a plugin zip, or upgrades the installed plugin of the same id; the upload shows its progress. */
function Upload({ onDone }: { onDone: () => Promise<unknown> }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [fraction, setFraction] = useState<number>();
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'installing'>('idle');
  const action = useAction();
  const [done, setDone] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setDone(undefined);
    setFraction(0);
    setPhase('uploading');
    const ok = await action.run('upload', async () => {
      const progress = (f: number) => {
        setFraction(f);
        if (f >= 1) setPhase('installing');
      };
      let installed: Plugin;
      try {
        installed = await upload<Plugin>('POST', '/api/v1/plugins', file, progress);
      } catch (err) {
        // already installed: send it as an upgrade of that plugin
        const id = (err as { status?: number; message?: string }).status === 409 ? conflictId(err as Error) : null;
        if (!id) throw err;
        setPhase('uploading');
        installed = await upload<Plugin>('PUT', `/api/v1/plugins/${encodeURIComponent(id)}`, file, progress);
      }
      setDone(`Installed ${installed.id} ${installed.version} (${installed.state.toLowerCase()}).`);
      setFile(undefined);
      if (input.current) input.current.value = '';
      await onDone();
    });
    if (!ok) setFraction(undefined);
    setPhase('idle');
  }

  return (
    <form className="upload" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Install or upgrade a plugin</h2>
      <div className="toolbar">
        <label htmlFor="plugin-zip">Plugin zip</label>
        <input id="plugin-zip" ref={input} type="file" accept=".zip,application/zip"
          onChange={(e) => { setFile(e.target.files?.[0]); setDone(undefined); action.setError(undefined); }} />
        <button type="submit" className="primary" disabled={!file || phase !== 'idle'}>Upload</button>
      </div>
      {phase === 'uploading' && <ProgressBar label="Uploading" fraction={fraction} />}
      {phase === 'installing' && <ProgressBar label="Checking and starting the plugin" />}
      {done && <p className="ok" role="status">{done}</p>}
      <ErrorBox error={action.error} title="Could not install the plugin" />
    </form>
  );
}

/** The id in the server's "already installed" answer, e.g. "plugin 'x' is already installed ...". */
function conflictId(e: Error): string | null {
  const m = /plugin '([^']+)' is already installed/.exec(e.message);
  return m ? m[1] : null;
}
