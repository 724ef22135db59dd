// Weight by group (the lists of a pack) as a donut in plain SVG, with the same
// figures as a table beside it: the table is what screen readers and anyone who
// cannot tell two colours apart read, the ring gives the proportions at a glance.
// Segment colours come from the palette (a light and a dark shade, 3:1 against the
// surface in each theme); a group without a colour takes one by its position.
import { formatWeight, type DisplayUnit } from '../../shared/weight';
import { useWeightFormat } from './weight-format';
import { paletteColor, PALETTE } from './palette';
import './weight-chart.css';

export interface WeightSlice {
  id: string;
  label: string;
  grams: number;
  /** Palette index, or null to take one by position. */
  color: number | null;
}

interface WeightChartProps {
  /** Names the figure, e.g. "Weight by list". */
  title: string;
  slices: readonly WeightSlice[];
  unit: DisplayUnit;
}

// A circle whose circumference is 100, so dash lengths are percentages.
const RADIUS = 100 / (2 * Math.PI);
const GAP = 0.6;

export const sliceColor = (slice: WeightSlice, index: number): number =>
  slice.color ?? index % PALETTE.length;

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** Each slice's share in percent and where its arc starts, clockwise from twelve o'clock. */
function arcsOf(slices: readonly WeightSlice[], total: number) {
  let start = 25;
  return slices.map((slice) => {
    const arc = { share: percent(slice.grams, total), start };
    start -= arc.share;
    return arc;
  });
}

export function WeightChart({ title, slices, unit }: WeightChartProps) {
  const format = useWeightFormat();
  const weight = (grams: number) => formatWeight(grams, unit, format);
  const total = slices.reduce((sum, slice) => sum + slice.grams, 0);
  const shown = slices.filter((slice) => slice.grams > 0);
  const gap = shown.length > 1 ? GAP : 0;
  const spoken = slices
    .map((s) => `${s.label} ${weight(s.grams)} (${Math.round(percent(s.grams, total))}%)`)
    .join(', ');
  const arcs = arcsOf(slices, total);

  return (
    <figure className="weight-chart">
      <svg
        className="weight-chart-ring"
        viewBox="0 0 42 42"
        role="img"
        aria-label={`${title}: ${total > 0 ? spoken : 'nothing weighed yet'}`}
      >
        <circle className="weight-chart-track" cx="21" cy="21" r={RADIUS} />
        {slices.map((slice, index) => {
          const { share, start } = arcs[index] ?? { share: 0, start: 0 };
          if (share <= 0) return null;
          const length = Math.max(share - gap, 0.2);
          const dash = `${length} ${100 - length}`;
          return (
            <circle
              key={slice.id}
              className="weight-chart-segment"
              cx="21"
              cy="21"
              r={RADIUS}
              strokeDasharray={dash}
              strokeDashoffset={start}
              style={{ stroke: paletteColor(sliceColor(slice, index)) }}
            />
          );
        })}
        <text className="weight-chart-total" x="21" y="22.5" textAnchor="middle">
          {weight(total)}
        </text>
      </svg>
      <table className="weight-chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">List</th>
            <th scope="col">Weight</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {slices.map((slice, index) => (
            <tr key={slice.id}>
              <th scope="row">
                <span
                  className="weight-chart-swatch"
                  style={{ background: paletteColor(sliceColor(slice, index)) }}
                  aria-hidden="true"
                />
                {slice.label}
              </th>
              <td>{weight(slice.grams)}</td>
              <td>{Math.round(percent(slice.grams, total))}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
