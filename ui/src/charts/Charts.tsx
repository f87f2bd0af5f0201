import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ReactNode } from 'react';
import { Bar, Line, Scatter } from 'react-chartjs-2';

// Charts drawn by Chart.js (through react-chartjs-2). Each canvas has a text label, and the numbers are also
// in a table under "Show the numbers" for keyboard and screen-reader users.

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend);

const COLOURS = ['#1f5fa8', '#1e7a3c', '#b3261e', '#8a5a00', '#6a3fb5'];

export interface Series {
  label: string;
  values: (number | null)[];
}

/** Values over time (or any ordered labels), one line per series. */
export function TrendChart({ title, labels, series, max }: { title: string; labels: string[]; series: Series[]; max?: number }) {
  return (
    <Frame title={title} head={['', ...series.map((s) => s.label)]} rows={labels.map((l, i) => [l, ...series.map((s) => fmt(s.values[i]))])}>
        <Line
          data={{
            labels,
            datasets: series.map((s, i) => ({
              label: s.label,
              data: s.values,
              borderColor: COLOURS[i % COLOURS.length],
              backgroundColor: COLOURS[i % COLOURS.length],
              spanGaps: true,
            })),
          }}
          options={{ animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, max } } }}
        />
    </Frame>
  );
}

/** A receiver operating characteristic: true against false positive rate, with the diagonal of chance. */
export function RocChart({ title, points }: { title: string; points: { fpr: number; tpr: number }[] }) {
  const curve = [...points].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr).map((p) => ({ x: p.fpr, y: p.tpr }));
  return (
    <Frame title={title} head={['false positive rate', 'true positive rate']} rows={curve.map((p) => [fmt(p.x), fmt(p.y)])}>
        <Scatter
          data={{
            datasets: [
              { label: 'model', data: curve, showLine: true, borderColor: COLOURS[0], backgroundColor: COLOURS[0] },
              { label: 'chance', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderDash: [6, 4], borderColor: '#8a939c', pointRadius: 0 },
            ],
          }}
          options={{
            animation: false,
            maintainAspectRatio: false,
            scales: {
              x: { min: 0, max: 1, title: { display: true, text: 'false positive rate' } },
              y: { min: 0, max: 1, title: { display: true, text: 'true positive rate' } },
            },
          }}
        />
    </Frame>
  );
}

/** Bars per category, e.g. the lift of each decile. */
export function BarChart({ title, labels, values, label }: { title: string; labels: string[]; values: number[]; label: string }) {
  return (
    <Frame title={title} head={['', label]} rows={labels.map((l, i) => [l, fmt(values[i])])}>
        <Bar
          data={{ labels, datasets: [{ label, data: values, backgroundColor: COLOURS[0] }] }}
          options={{ animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }}
        />
    </Frame>
  );
}

/** The chart's canvas, labelled for screen readers, and its numbers in a table under "Show the numbers". */
function Frame({ title, head, rows, children }: { title: string; head: string[]; rows: string[][]; children: ReactNode }) {
  return (
    <figure className="chart">
      <div className="chart-canvas" role="img" aria-label={title}>{children}</div>
      <details>
      <summary>Show the numbers</summary>
      <table className="grid" aria-label={`${title}: numbers`}>
        <thead>
          <tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
      </details>
    </figure>
  );
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? '–' : String(Math.round(v * 1000) / 1000);
}
