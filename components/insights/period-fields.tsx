'use client';
// Period presets and custom dates in a plain GET form. Dates, when both are given, win on the
// server; so choosing a preset clears them, and typing a date switches the menu to "Dates".
// Without JavaScript the form still works: the dates win, as the "Or from" label says.
import { useState } from 'react';
import { PERIOD_PRESETS, type PeriodPreset, PRESET_LABEL } from '@/lib/analytics/period-presets';

const CUSTOM = '';

export function PeriodFields({
  period,
  from,
  to,
  className,
}: {
  period: PeriodPreset;
  from?: string;
  to?: string;
  className: string;
}) {
  const [choice, setChoice] = useState<string>(from && to ? CUSTOM : period);
  const [dates, setDates] = useState({ from: from ?? '', to: to ?? '' });
  const setDate = (key: 'from' | 'to', value: string) => {
    setDates((d) => ({ ...d, [key]: value }));
    if (value) setChoice(CUSTOM);
  };
  return (
    <>
      <label className="text-sm font-medium text-slate-800">
        Period
        <select
          name="period"
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            if (e.target.value !== CUSTOM) setDates({ from: '', to: '' });
          }}
          className={className}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              Last {PRESET_LABEL[p]}
            </option>
          ))}
          <option value={CUSTOM}>Dates</option>
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        Or from
        <input
          type="date"
          name="from"
          value={dates.from}
          onChange={(e) => setDate('from', e.target.value)}
          className={className}
        />
      </label>
      <label className="text-sm font-medium text-slate-800">
        to
        <input type="date" name="to" value={dates.to} onChange={(e) => setDate('to', e.target.value)} className={className} />
      </label>
    </>
  );
}
