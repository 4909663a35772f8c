'use client';
// recharts views of the insight series. Each is paired on the page with a table of the same
// data (never colour alone: legends name every series, and the table carries the numbers).
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { humanise } from '@/lib/domain/format';
import { formatDuration } from '@/lib/domain/duration';
import { INCIDENT_TYPE_COLOUR } from '@/lib/ui/palette';
import type { IncidentType } from '@/lib/domain/enums';

type Row = Record<string, number | string | null>;
const pounds = (pence: number) => `£${Math.round(pence / 100).toLocaleString('en-GB')}`;
const count = (n: number) => Math.round(n).toLocaleString('en-GB');
const axis = { fontSize: 12, fill: '#334155' };

function Frame({ children, height = 260 }: { children: React.ReactElement; height?: number }) {
  // The chart is a picture of the table that follows it; screen readers get the table.
  return (
    <div aria-hidden="true" style={{ width: '100%', height }} className="print:h-56">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Stacked bars per incident type, with the previous period's totals as a dashed line. */
export function TypeStackChart({
  data,
  types,
  previousLabel = 'Previous period',
}: {
  data: Row[];
  types: string[];
  previousLabel?: string;
}) {
  return (
    <Frame>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={axis} minTickGap={12} />
        <YAxis tick={axis} allowDecimals={false} width={40} />
        <Tooltip formatter={(v) => count(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {types.map((t) => (
          <Bar
            key={t}
            dataKey={t}
            name={humanise(t)}
            stackId="a"
            fill={INCIDENT_TYPE_COLOUR[t as IncidentType] ?? '#64748b'}
            isAnimationActive={false}
          />
        ))}
        <Line
          dataKey="previousTotal"
          name={previousLabel}
          stroke="#0f172a"
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Frame>
  );
}

const OUTCOME_COLOUR = {
  confirmed: '#0072B2',
  referred: '#D55E00',
  unfounded: '#999999',
  closed: '#009E73',
  open: '#E69F00',
};

export function OutcomeChart({ data }: { data: Row[] }) {
  return (
    <Frame>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={axis} minTickGap={12} />
        <YAxis tick={axis} allowDecimals={false} width={40} />
        <Tooltip formatter={(v) => count(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {(Object.keys(OUTCOME_COLOUR) as (keyof typeof OUTCOME_COLOUR)[]).map((k) => (
          <Bar
            key={k}
            dataKey={k}
            name={k === 'referred' ? 'Referred to police' : humanise(k)}
            stackId="o"
            fill={OUTCOME_COLOUR[k]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Axis ticks: one short unit, so a tick never wraps ("5.2 h", "20 min", "40 s"). */
function shortDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  const hours = seconds / 3600;
  return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
}

type DurationLine = { key: string; name: string; colour: string; dash?: string };

function DurationLines({ data, lines, height }: { data: Row[]; lines: DurationLine[]; height: number }) {
  return (
    <Frame height={height}>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={axis} minTickGap={12} />
        <YAxis tick={axis} width={64} tickFormatter={(v: number) => shortDuration(v)} />
        <Tooltip formatter={(v) => formatDuration(v === null ? null : Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.name}
            stroke={l.colour}
            strokeDasharray={l.dash}
            connectNulls
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Frame>
  );
}

/**
 * Triage takes hours and alerts minutes: on one axis the alert lines would lie flat on zero, so
 * each gets its own panel and scale.
 */
export function ResponseChart({ data }: { data: Row[] }) {
  return (
    <div className="space-y-1">
      <DurationLines
        data={data}
        height={140}
        lines={[{ key: 'triageSeconds', name: 'Incidents: time to triage', colour: '#0072B2' }]}
      />
      <DurationLines
        data={data}
        height={160}
        lines={[
          { key: 'mttaSeconds', name: 'Alerts: time to acknowledge (MTTA)', colour: '#D55E00', dash: '6 3' },
          { key: 'mttrSeconds', name: 'Alerts: time to resolve (MTTR)', colour: '#009E73', dash: '2 3' },
        ]}
      />
    </div>
  );
}

export function LossChart({ data }: { data: Row[] }) {
  return (
    <Frame>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={axis} minTickGap={12} />
        <YAxis tick={axis} width={64} tickFormatter={(v: number) => pounds(v)} />
        <Tooltip formatter={(v) => pounds(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="lossPence" name="Lost" fill="#D55E00" isAnimationActive={false} />
        <Bar dataKey="recoveredPence" name="Recovered" fill="#009E73" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

/** Goods categories: incidents and £ loss side by side (two axes would mislead; two bars, two charts). */
export function CategoryChart({ data, measure }: { data: Row[]; measure: 'incidents' | 'lossPence' }) {
  return (
    <Frame height={Math.max(180, data.length * 26 + 40)}>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis
          type="number"
          tick={axis}
          tickFormatter={(v: number) => (measure === 'lossPence' ? pounds(v) : count(v))}
        />
        <YAxis type="category" dataKey="label" tick={axis} width={110} />
        <Tooltip formatter={(v) => (measure === 'lossPence' ? pounds(Number(v)) : count(Number(v)))} />
        <Bar
          dataKey={measure}
          name={measure === 'lossPence' ? 'Loss' : 'Incidents'}
          fill={measure === 'lossPence' ? '#D55E00' : '#0072B2'}
          isAnimationActive={false}
        />
      </BarChart>
    </Frame>
  );
}
