'use client';
// One map component on react-map-gl (DESIGN.md §9): mapbox-gl with a Mapbox street style when
// the server passes a token, otherwise maplibre-gl with an inline style and a bundled outline of
// the UK and its neighbours (Natural Earth 1:50m via world-atlas, public domain) — no token, no
// outside requests. Stores are circles sized and coloured by incidents per day; a heatmap layer
// weights each store's position by its incidents (no incident-level locations: data minimisation).
// Optionally, police-recorded shoplifting (public data.police.uk points) sits between the glow and
// the circles: a grey heat at low zoom that gives way to small grey dots as you zoom in.
import 'maplibre-gl/dist/maplibre-gl.css';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { type ReactNode, useMemo, useState } from 'react';
import MapLibre, { Layer, NavigationControl, Popup, Source, type MapLayerMouseEvent } from 'react-map-gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import outline from './uk-outline.json';
import type { MapLayerKit, MapPoliceLayer, MapStore } from './map-types';
import { POLICE_DOT_COLOUR, RATE_RAMP } from './map-types';

maplibregl.setWorkerUrl('/insights/map-worker');

// Mapbox only when a token is configured: loaded on demand so the default bundle stays maplibre-only.
const MapboxMap = dynamic<{
  token: string;
  common: Record<string, unknown>;
  layers: (kit: MapLayerKit) => ReactNode;
  onUnavailable: () => void;
}>(
  () => import('./mapbox-map'),
  { ssr: false },
);

const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: { land: { type: 'geojson', data: outline as FeatureCollection } },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#dbe7ee' } },
    {
      id: 'land',
      type: 'fill',
      source: 'land',
      paint: { 'fill-color': ['case', ['get', 'uk'], '#f8fafc', '#eef2f5'] },
    },
    { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#94a3b8', 'line-width': 0.8 } },
  ],
};

export default function StoreMap({
  stores,
  mapboxToken,
  police,
}: {
  stores: MapStore[];
  mapboxToken?: string;
  police?: MapPoliceLayer;
}) {
  const router = useRouter();
  const [hover, setHover] = useState<MapStore | null>(null);
  // A Mapbox style that fails to load (bad token, no network) leaves a blank map: fall back to the offline one.
  const [mapboxFailed, setMapboxFailed] = useState(false);
  const engine = mapboxToken && !mapboxFailed ? 'mapbox' : 'maplibre';
  const data = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: stores.map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
        properties: {
          code: s.code,
          rate: s.ratePerDay,
          incidents: s.incidents,
          flagged: s.hotspot || s.emerging ? 1 : 0,
        },
      })),
    }),
    [stores],
  );
  const policePoints = police?.points;
  const policeData = useMemo<FeatureCollection | null>(
    () =>
      policePoints
        ? {
            type: 'FeatureCollection',
            features: policePoints.map((coordinates) => ({
              type: 'Feature',
              geometry: { type: 'Point', coordinates },
              properties: {},
            })),
          }
        : null,
    [policePoints],
  );
  const bounds = useMemo(() => {
    const lng = stores.map((s) => s.lng);
    const lat = stores.map((s) => s.lat);
    const pad = stores.length > 1 ? 0.6 : 1.5;
    return [
      [Math.min(...lng) - pad, Math.min(...lat) - pad],
      [Math.max(...lng) + pad, Math.max(...lat) + pad],
    ] as [[number, number], [number, number]];
  }, [stores]);
  const maxRate = Math.max(0.1, ...stores.map((s) => s.ratePerDay));
  const maxIncidents = Math.max(1, ...stores.map((s) => s.incidents));
  const colour = ['interpolate', ['linear'], ['get', 'rate'], ...RATE_RAMP.flatMap(([f, c]) => [f * maxRate, c])];

  const onClick = (e: MapLayerMouseEvent) => {
    const code = e.features?.[0]?.properties?.code as string | undefined;
    if (code) router.push(`/insights/stores/${code}`);
  };
  const onMove = (e: MapLayerMouseEvent) => {
    const code = e.features?.[0]?.properties?.code as string | undefined;
    setHover(code ? (stores.find((s) => s.code === code) ?? null) : null);
  };

  // Sibling sources are added in this order, so each layer stacks above the ones before it; the
  // police layer is always mounted and toggled by visibility, so it never jumps to the top.
  const policeVisibility = police?.visible ? ('visible' as const) : ('none' as const);
  const layers = (kit: MapLayerKit) => (
    <>
      <kit.Source id="stores-heat" type="geojson" data={data}>
        <kit.Layer
          id="incident-heat"
          type="heatmap"
          paint={{
            'heatmap-weight': ['/', ['get', 'incidents'], maxIncidents],
            'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 30, 9, 80],
            'heatmap-opacity': 0.55,
            'heatmap-color': [
              'interpolate',
              ['linear'],
              ['heatmap-density'],
              0,
              'rgba(253,231,37,0)',
              0.3,
              '#fde725',
              0.6,
              '#f8961e',
              1,
              '#b2182b',
            ],
          }}
        />
      </kit.Source>
      {policeData && (
        <kit.Source id="police" type="geojson" data={policeData}>
          <kit.Layer
            id="police-heat"
            type="heatmap"
            maxzoom={13}
            layout={{ visibility: policeVisibility }}
            paint={{
              'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 5, 5, 12, 18],
              'heatmap-intensity': 0.6,
              'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.7, 13, 0],
              'heatmap-color': [
                'interpolate',
                ['linear'],
                ['heatmap-density'],
                0,
                'rgba(71,85,105,0)',
                0.4,
                'rgba(71,85,105,0.35)',
                1,
                'rgba(51,65,85,0.7)',
              ],
            }}
          />
          <kit.Layer
            id="police-dots"
            type="circle"
            minzoom={10}
            layout={{ visibility: policeVisibility }}
            paint={{
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 4],
              'circle-color': POLICE_DOT_COLOUR,
              'circle-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0, 12, 0.8],
            }}
          />
        </kit.Source>
      )}
      <kit.Source id="stores" type="geojson" data={data}>
        <kit.Layer
          id="store-circles"
          type="circle"
          paint={{
            'circle-radius': ['interpolate', ['linear'], ['get', 'rate'], 0, 6, maxRate, 18],
            'circle-color': colour as never,
            'circle-stroke-color': ['case', ['==', ['get', 'flagged'], 1], '#0f172a', '#ffffff'],
            'circle-stroke-width': ['case', ['==', ['get', 'flagged'], 1], 3.5, 1.5],
          }}
        />
      </kit.Source>
      {hover && (
        <kit.Popup longitude={hover.lng} latitude={hover.lat} closeButton={false} offset={14} anchor="bottom">
          <HoverCard store={hover} />
        </kit.Popup>
      )}
    </>
  );

  const common = {
    initialViewState: { bounds, fitBoundsOptions: { padding: 30 } },
    style: { width: '100%', height: '100%' },
    interactiveLayerIds: ['store-circles'],
    onClick,
    onMouseMove: onMove,
    onMouseLeave: () => setHover(null),
    cursor: hover ? 'pointer' : 'grab',
    attributionControl: false as const,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  };

  return (
    <div
      className="relative h-full w-full"
      data-testid="store-map"
      data-stores={stores.map((s) => s.code).join(' ')}
      data-police-points={police?.visible ? police.points.length : undefined}
      data-map-engine={engine}
    >
      {engine === 'mapbox' ? (
        <MapboxMap token={mapboxToken!} common={common} layers={layers} onUnavailable={() => setMapboxFailed(true)} />
      ) : (
        <MapLibre {...common} mapStyle={OFFLINE_STYLE}>
          <NavigationControl position="top-right" showCompass={false} />
          {layers({ Source, Layer, Popup })}
        </MapLibre>
      )}
      {mapboxFailed && (
        <p role="status" className="absolute bottom-2 left-2 max-w-[70%] rounded bg-white/90 px-2 py-1 text-xs text-slate-800 shadow">
          The Mapbox street map could not load, so this is the offline outline map. An administrator can
          check MAPBOX_TOKEN.
        </p>
      )}
    </div>
  );
}

function HoverCard({ store }: { store: MapStore }) {
  return (
    <div className="max-w-56 text-xs text-slate-900">
      <p className="font-semibold">
        {store.name} ({store.code})
      </p>
      <p>
        {store.incidents.toLocaleString('en-GB')} incidents · {store.ratePerDay.toFixed(1)} a day
      </p>
      {store.hotspot && <p className="font-semibold">Hotspot</p>}
      {store.emerging && <p className="font-semibold">Emerging: sharp recent rise</p>}
      {store.reasons.map((r) => (
        <p key={r} className="mt-1 text-slate-700">
          {r}
        </p>
      ))}
      <p className="mt-1 text-slate-600">Click to open the store.</p>
    </div>
  );
}
