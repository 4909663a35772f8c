import { SlidersHorizontal } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { InsightFilters } from '@/lib/analytics/filters';
import { INCIDENT_TYPES } from '@/lib/domain/enums';
import { humanise } from '@/lib/domain/format';
import { PeriodFields } from './period-fields';

const select = 'block min-h-11 rounded-md border border-slate-400 bg-white px-2 text-sm text-slate-900';

type Options = {
  regions: { code: string; name: string }[];
  stores: { code: string; name: string; regionCode: string }[];
};

/** Filters in one bar: a plain GET form, so every view is a shareable, printable URL. */
export function FilterBar({
  action,
  filters,
  options,
  fixedStore,
}: {
  action: string;
  filters: InsightFilters;
  options: Options;
  fixedStore?: boolean;
}) {
  const chosen = new Set(filters.types ?? INCIDENT_TYPES);
  return (
    <form
      method="get"
      action={action}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm print:hidden"
      aria-label="Filters"
    >
      {!fixedStore && options.regions.length > 1 && (
        <label className="text-sm font-medium text-slate-800">
          Region
          <select name="region" defaultValue={filters.region ?? ''} className={select}>
            <option value="">All my regions</option>
            {options.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {!fixedStore && (
        <label className="text-sm font-medium text-slate-800">
          Store
          <select name="store" defaultValue={filters.store ?? ''} className={select}>
            <option value="">All stores in view</option>
            {options.stores.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </label>
      )}
      <PeriodFields period={filters.period} from={filters.from} to={filters.to} className={select} />
      <details className="relative">
        <summary className="flex min-h-11 cursor-pointer items-center gap-1 rounded-md border border-slate-400 px-3 text-sm font-medium text-slate-900">
          <SlidersHorizontal aria-hidden className="size-4" />
          Incident types ({chosen.size === INCIDENT_TYPES.length ? 'all' : chosen.size})
        </summary>
        <fieldset className="absolute z-20 mt-1 grid w-72 gap-1 rounded-md border border-slate-300 bg-white p-3 shadow-lg">
          <legend className="sr-only">Incident types to include</legend>
          {INCIDENT_TYPES.map((t) => (
            <label key={t} className="flex min-h-8 items-center gap-2 text-sm">
              <input type="checkbox" name="types" value={t} defaultChecked={chosen.has(t)} className="size-4" />
              {humanise(t)}
            </label>
          ))}
        </fieldset>
      </details>
      <Button type="submit">Apply</Button>
    </form>
  );
}
