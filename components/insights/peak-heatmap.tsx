import { WEEKDAYS } from '@/lib/analytics/peak-times';
import { hourLabel } from './format';

// Viridis (colour-blind safe, sequential), light to dark; the count is printed in every busy cell,
// dark text up to the middle green and white from the teal on (both ≥ 4.5:1). Viridis' own teal
// (#26828e) is nudged darker to #23798a: white on it measured exactly 4.50:1, too close to call.
const RAMP = [
  '#fde725',
  '#b5de2b',
  '#6ece58',
  '#35b779',
  '#1f9e89',
  '#23798a',
  '#31688e',
  '#3e4989',
  '#482878',
  '#440154',
];

/** Weekday × hour grid. It is a real table (caption, headers), so it is its own text alternative. */
export function PeakHeatmap({ cells, caption }: { cells: number[][]; caption: string }) {
  const max = Math.max(1, ...cells.flat());
  const hours = Array.from({ length: 24 }, (_, h) => h).filter(
    (h) => cells.some((row) => row[h]! > 0) || (h >= 7 && h <= 22),
  );
  // With incidents at early or late hours the grid is wider than its card and scrolls sideways:
  // focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable).
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-separate border-spacing-0.5 text-center text-xs tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sr-only">
              Day
            </th>
            {hours.map((h) => (
              <th key={h} scope="col" className="px-0.5 font-normal text-slate-700">
                <abbr title={`${hourLabel(h)} to ${hourLabel((h + 1) % 24)}`}>{String(h).padStart(2, '0')}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, d) => (
            <tr key={d}>
              <th scope="row" className="pr-2 text-left font-medium text-slate-800">
                {WEEKDAYS[d]!.slice(0, 3)}
              </th>
              {hours.map((h) => {
                const n = row[h]!;
                const level =
                  n === 0 ? -1 : Math.min(RAMP.length - 1, Math.floor((n / max) * (RAMP.length - 1) + 0.0001));
                const dark = level >= 5;
                return (
                  <td
                    key={h}
                    className={`h-7 min-w-7 rounded-sm ${n === 0 ? 'bg-slate-100 text-slate-500' : dark ? 'text-white' : 'text-slate-900'}`}
                    style={n === 0 ? undefined : { backgroundColor: RAMP[level] }}
                    title={`${WEEKDAYS[d]} ${hourLabel(h)}: ${n}`}
                  >
                    {n === 0 ? '·' : Math.round(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex items-center gap-2 text-xs text-slate-700" aria-hidden="true">
        fewer
        {RAMP.map((c) => (
          <span key={c} className="inline-block h-3 w-5 rounded-sm" style={{ backgroundColor: c }} />
        ))}
        more (number in each cell = incidents)
      </p>
    </div>
  );
}
