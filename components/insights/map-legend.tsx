import { RATE_RAMP } from './map-types';

/** The map's key in words and swatches (the store table beside it carries every number). */
export function MapLegend({ maxRate }: { maxRate: number }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
      <span className="flex items-center gap-1">
        Incidents a day: 0
        {RATE_RAMP.map(([f, c]) => (
          <span key={f} aria-hidden className="inline-block size-3 rounded-full" style={{ backgroundColor: c }} />
        ))}
        {maxRate.toFixed(1)}
      </span>
      <span className="flex items-center gap-1">
        <span aria-hidden className="inline-block size-3 rounded-full border-[3px] border-slate-900 bg-white" /> ring:
        hotspot or emerging
      </span>
      <span>glow: where incidents concentrate</span>
    </div>
  );
}
