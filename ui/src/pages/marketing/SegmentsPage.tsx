import { useSearchParams } from 'react-router';
import { TrendChart } from '../../charts/Charts';
import { ApiProblem } from '../../components/ApiProblem';
import { Empty, Loading, num, when } from '../../components/common';
import { PageTitle } from '../../components/PageTitle';
import type { Segment, SizePoint } from '../../contracts';
import { useApi } from '../../hooks';
import { ClusterSummary } from './ClusterSummary';
import { SegmentExports } from './SegmentExports';

/** Segments with their sizes over time and activation exports; k-means cluster summaries. */
export function SegmentsPage() {
  const segments = useApi<Segment[]>('/api/v1/segments');
  const [params, setParams] = useSearchParams();
  const selected = params.get('segment');
  return (
    <section>
      <PageTitle>Segments</PageTitle>
      <ApiProblem error={segments.error} api="segments" title="Could not load the segments" />
      {segments.loading && <Loading what="segments" />}
      {segments.data?.length === 0 && (
        <Empty title="No segments yet.">An engineer defines segments in a flow's segments step; they appear here after its first run.</Empty>
      )}
      {segments.data && segments.data.length > 0 && (
        <table className="grid" aria-label="Segments">
          <thead><tr><th scope="col">Segment</th><th scope="col">Rule</th><th scope="col" className="num">Size</th><th scope="col">Updated</th></tr></thead>
          <tbody>
            {segments.data.map((s) => (
              <tr key={s.name} aria-selected={s.name === selected}>
                <td><button type="button" className="link" onClick={() => setParams({ segment: s.name })}>{s.name}</button></td>
                <td><code>{s.rule}</code></td>
                <td className="num">{num(s.size)}</td>
                <td className="small">{when(s.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <SegmentDetail name={selected} />}
      <ClusterSummary />
    </section>
  );
}

function SegmentDetail({ name }: { name: string }) {
  const sizes = useApi<SizePoint[]>(`/api/v1/segments/${encodeURIComponent(name)}/sizes`);
  return (
    <div className="card" role="region" aria-label={`Segment ${name}`}>
      <h2>{name}</h2>
      <h3>Size over time</h3>
      <ApiProblem error={sizes.error} api="segment sizes" title="Could not load the sizes" />
      {sizes.loading && <Loading what="sizes" />}
      {sizes.data?.length === 0 && <p className="muted">No sizes recorded yet: they are recorded each time the segment is evaluated.</p>}
      {sizes.data && sizes.data.length > 0 && (
        <TrendChart title={`Size of ${name} over time`} labels={sizes.data.map((p) => when(p.at))} series={[{ label: 'members', values: sizes.data.map((p) => p.size) }]} />
      )}
      <SegmentExports segment={name} />
    </div>
  );
}
