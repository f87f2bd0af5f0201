import { useSearchParams } from 'react-router';
import { BarChart, RocChart } from '../../charts/Charts';
import { Empty, ErrorBox, Loading, StateBadge, when } from '../../components/common';
import { PageTitle } from '../../components/PageTitle';
import type { Model } from '../../contracts';
import { useApi } from '../../hooks';

/** Models (GET /api/v1/models) and a model's versions with metrics, ROC curve and lift chart. */
export function ModelsPage() {
  const models = useApi<Model[]>('/api/v1/models');
  const [params, setParams] = useSearchParams();
  const selected = params.get('model');
  return (
    <section>
      <PageTitle>Models</PageTitle>
      <ErrorBox error={models.error} title="Could not load the models" />
      {models.loading && <Loading what="models" />}
      {models.data?.length === 0 && <Empty title="No models yet.">An engineer trains one (POST /api/v1/models/&lt;name&gt;/propensity) or a flow's model step registers it.</Empty>}
      {models.data && models.data.length > 0 && (
        <table className="grid" aria-label="Models">
          <thead><tr><th scope="col">Model</th><th scope="col">Kind</th><th scope="col" className="num">Version</th><th scope="col">Stage</th><th scope="col">Key metric</th><th scope="col">Created</th></tr></thead>
          <tbody>
            {models.data.map((m) => (
              <tr key={m.id}>
                <td><button type="button" className="link" onClick={() => setParams({ model: m.name })}>{m.name}</button></td>
                <td>{m.kind}</td><td className="num">{m.version}</td><td><StateBadge state={m.stage} /></td>
                <td className="small">{metricLine(m.metrics)}</td><td className="small">{when(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <ModelDetail name={selected} />}
    </section>
  );
}

function ModelDetail({ name }: { name: string }) {
  const answer = useApi<Model[] | Model>(`/api/v1/models/${encodeURIComponent(name)}`);
  if (answer.loading) return <Loading what="the model" />;
  if (!answer.data) return <ErrorBox error={answer.error} title="Could not load the model" />;
  const versions = Array.isArray(answer.data) ? answer.data : [answer.data];
  const m = versions.find((v) => v.stage === 'PRODUCTION') ?? versions[versions.length - 1];
  if (!m) return <Empty title="This model has no versions." />;
  return (
    <div className="card" role="region" aria-label={`Model ${name}`}>
      <h2>{name} v{m.version} <StateBadge state={m.stage} /></h2>
      <dl className="stats">
        {Object.entries(m.metrics ?? {}).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v.toFixed(3)}</dd></div>)}
      </dl>
      <p className="small muted">Features: {m.features.join(', ')}; trained on {m.trainingDataset ?? 'inline rows'} by {m.createdBy}.</p>
      <div className="chart-pair">
        <div>
          <h3>ROC curve</h3>
          {m.roc?.length ? <RocChart title={`ROC curve of ${name}`} points={m.roc} /> : <MissingCurve what="ROC curve" />}
        </div>
        <div>
          <h3>Lift by decile</h3>
          {m.lift?.length ? (
            <BarChart title={`Lift of ${name}`} label="lift" labels={m.lift.map((l) => `decile ${l.decile}`)} values={m.lift.map((l) => l.lift)} />
          ) : <MissingCurve what="lift chart" />}
        </div>
      </div>
      {versions.length > 1 && <p className="small muted">{versions.length} versions; showing {m.stage === 'PRODUCTION' ? 'the one in production' : 'the latest'}.</p>}
    </div>
  );
}

function MissingCurve({ what }: { what: string }) {
  return <p className="muted">No {what} for this version: it is recorded when a classifier is trained on a server with the model metrics API.</p>;
}

function metricLine(metrics: Record<string, number> | null): string {
  if (!metrics) return '–';
  const key = ['auc', 'silhouette', 'accuracy', 'rmse'].find((k) => k in metrics) ?? Object.keys(metrics)[0];
  return key ? `${key} ${metrics[key].toFixed(3)}` : '–';
}
