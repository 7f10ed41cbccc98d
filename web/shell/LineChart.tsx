/**
 * A line chart drawn by uPlot — chosen for its size (about 20 KB gzipped, loaded only with the
 * screen that charts) and its speed on a slow phone's canvas; Observable Plot brings d3 and is
 * several times larger. The canvas is hidden from screen readers: the same figures are in a table
 * behind it, which print and screen readers use.
 */
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  /** One value per label; null where nothing is known. */
  values: (number | null)[];
}

/** 1,480,000 → "1.5M", 612,000 → "612K": an axis has room for little. */
export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${Math.round(value / 1e3)}K`;
  return String(+value.toFixed(2));
}

export function LineChart({
  title,
  labels,
  axisLabels,
  series,
  format,
  axisFormat = compact,
  range,
}: {
  title: string;
  /** Each point's name in the table ("March 2026"). */
  labels: string[];
  /** The same, short enough for the axis ("3/26"). */
  axisLabels: string[];
  series: ChartSeries[];
  /** A value in the table, in full. */
  format: (value: number) => string;
  axisFormat?: (value: number) => string;
  /** A fixed scale (0–100 for a percentage), so a small wobble is not drawn as a big swing. */
  range?: [number, number];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: uPlot | null = null;
    let live = true;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (!live || !box.current) return;
      const width = box.current.clientWidth || 320;
      chart = new UPlot(
        {
          width,
          height: 180,
          legend: { show: series.length > 1, live: false },
          cursor: { show: false },
          scales: { x: { time: false }, ...(range ? { y: { range } } : {}) },
          axes: [
            { values: (_u, ticks) => ticks.map((i) => axisLabels[i] ?? ''), space: 44 },
            { values: (_u, ticks) => ticks.map(axisFormat), size: 56 },
          ],
          series: [
            { label: '' },
            ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2 })),
          ],
        },
        [labels.map((_, i) => i), ...series.map((s) => s.values)],
        box.current,
      );
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [labels.join(), series.map((s) => s.values.join()).join('|')]);

  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} class="chart-canvas" aria-hidden="true" />
      {/* Wrapped: a table grows to its content whatever its own size, so it is hidden inside a box. */}
      <div class="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <td />
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] === null ? '—' : format(s.values[i]!)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const COLOURS = ['#0b6e4f', '#7a4a00', '#a4161a'];
