import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../components/ApiProblem';
import { Loading, num } from '../../components/common';
import type { Clusters } from '../../contracts';
import { useApi } from '../../hooks';

/** The clusters of a k-means model: size and the mean of each feature (GET /api/v1/segments/clusters/{model}). */
export function ClusterSummary() {
  const [text, setText] = useState('');
  const [model, setModel] = useState<string | null>(null);
  const clusters = useApi<Clusters>(model ? `/api/v1/segments/clusters/${encodeURIComponent(model)}` : null);
  const features = clusters.data ? [...new Set(clusters.data.clusters.flatMap((c) => Object.keys(c.means)))].sort() : [];

  function show(e: FormEvent) {
    e.preventDefault();
    setModel(text.trim() || null);
  }

  return (
    <div className="card" role="region" aria-label="Cluster summary">
      <h2>Clusters</h2>
      <form className="toolbar" onSubmit={show}>
        <label htmlFor="cluster-model">Clustering model</label>
        <input id="cluster-model" value={text} placeholder="e.g. customer-kmeans" onChange={(e) => setText(e.target.value)} />
        <button type="submit">Show clusters</button>
      </form>
      {!model && <p className="muted">Name a clustering model (see Models) to see its clusters.</p>}
      {clusters.loading && <Loading what="clusters" />}
      <ApiProblem error={clusters.error} api="cluster summary" title="Could not load the clusters" />
      {clusters.data && (
        <>
          <p>k = {clusters.data.k}, silhouette {clusters.data.silhouette.toFixed(3)} (closer to 1: better separated).</p>
          <table className="grid" aria-label="Clusters">
            <thead><tr><th scope="col">Cluster</th><th scope="col" className="num">Size</th>{features.map((f) => <th key={f} scope="col" className="num">{f}</th>)}</tr></thead>
            <tbody>
              {clusters.data.clusters.map((c) => (
                <tr key={c.id}>
                  <td>{c.id}</td><td className="num">{num(c.size)}</td>
                  {features.map((f) => <td key={f} className="num">{c.means[f]?.toFixed(2) ?? '–'}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
