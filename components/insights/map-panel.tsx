'use client';
// The insights map with its optional context layer: the "Police-recorded shoplifting" toggle sits
// under the map (server-rendered, usable before the map has loaded) with the OGL attribution the
// data's licence requires wherever it is shown.
import { useState } from 'react';
import { OGL_ATTRIBUTION, OGL_URL, POLICE_DATA_URL } from '@/lib/context/police-data';
import { MapLoader } from './map-loader';
import { type MapStore, POLICE_DOT_COLOUR } from './map-types';

export type MapPanelPolice = {
  points: [number, number][];
  /** Shoplifting crimes near the stores (points beyond the cap are not drawn). */
  total: number;
  /** "Aug to Oct 2026" */
  months: string;
  radius: string;
};

export function MapPanel({
  stores,
  mapboxToken,
  police,
}: {
  stores: MapStore[];
  mapboxToken?: string;
  police?: MapPanelPolice;
}) {
  const [showPolice, setShowPolice] = useState(false);
  const shown = police ? police.points.length : 0;
  return (
    <>
      <div className="h-[26rem] overflow-hidden rounded-md border border-slate-200 print:h-80">
        <MapLoader
          stores={stores}
          mapboxToken={mapboxToken}
          police={police ? { points: police.points, visible: showPolice } : undefined}
        />
      </div>
      {police && (
        <div className="mt-2 rounded-md bg-slate-50 px-3 py-1 text-xs text-slate-700">
          <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              className="size-4"
              checked={showPolice}
              onChange={(e) => setShowPolice(e.target.checked)}
            />
            <span
              aria-hidden
              className="inline-block size-2.5 rounded-full"
              style={{ backgroundColor: POLICE_DOT_COLOUR }}
            />
            Police-recorded shoplifting
          </label>
          <p>
            {police.total.toLocaleString('en-GB')} shoplifting crime{police.total === 1 ? '' : 's'} recorded by the
            police within {police.radius} of these stores in {police.months}
            {shown < police.total ? ` (the ${shown.toLocaleString('en-GB')} nearest are drawn)` : ''}: grey dots when
            zoomed in, a grey haze when zoomed out. Source:{' '}
            <a href={POLICE_DATA_URL} className="underline">
              data.police.uk
            </a>
            .{' '}
            <a href={OGL_URL} className="underline">
              {OGL_ATTRIBUTION}
            </a>
          </p>
        </div>
      )}
    </>
  );
}
