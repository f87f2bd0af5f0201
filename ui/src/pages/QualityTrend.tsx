import { TrendChart } from '../charts/Charts';
import { Empty, ErrorBox, Loading, when } from '../components/common';
import { useApi } from '../hooks';

interface QualityEntry {
  runId: string;
  flowId: string;
  step: string;
  metrics: Record<string, number>;
  recordedAt: string;
}

/** The quality figures of a flow's last runs, one chart per quality step (GET /api/v1/quality/history/{flow}). */
export function QualityTrend({ flowId }: { flowId: string }) {
  const history = useApi<QualityEntry[]>(`/api/v1/quality/history/${encodeURIComponent(flowId)}?limit=50`);
  if (history.loading) return <Loading what="quality figures" />;
  if (!history.data) return <ErrorBox error={history.error} title="Could not load the quality figures" />;
  if (history.data.length === 0) {
    return (
      <Empty title="No quality figures yet.">
        Add a <code>cairn:step:quality</code> step with rules to the route; each run then records completeness, validity and uniqueness.
      </Empty>
    );
  }
  const steps = [...new Set(history.data.map((e) => e.step))];
  return (
    <>
      {steps.map((step) => {
        const entries = history.data!.filter((e) => e.step === step);
        const series = (name: string) => ({ label: name, values: entries.map((e) => e.metrics[name] ?? null) });
        return (
          <div key={step}>
            <h3>Step {step}</h3>
            <TrendChart title={`Quality of step ${step}`} max={1} labels={entries.map((e) => when(e.recordedAt))}
              series={[series('completeness'), series('validity'), series('uniqueness')]} />
          </div>
        );
      })}
    </>
  );
}
