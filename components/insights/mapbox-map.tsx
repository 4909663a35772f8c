'use client';
// The Mapbox variant of the store map, used only when MAPBOX_TOKEN is set (mapbox-gl draws nothing without one).
import 'mapbox-gl/dist/mapbox-gl.css';
import { type ReactNode, useRef } from 'react';
import MapboxGl, { Layer, NavigationControl, Popup, Source } from 'react-map-gl/mapbox';
import type { MapLayerKit } from './map-types';

// Same style-spec props as the maplibre components the kit is typed by.
const MAPBOX_KIT = { Source, Layer, Popup } as unknown as MapLayerKit;

export default function MapboxMap({
  token,
  common,
  layers,
  onUnavailable,
}: {
  token: string;
  common: Record<string, unknown>;
  layers: (kit: MapLayerKit) => ReactNode;
  /** The street style could not load (a revoked token answers 401, or Mapbox is unreachable). */
  onUnavailable: () => void;
}) {
  const styleLoaded = useRef(false);
  return (
    <MapboxGl
      {...common}
      // Mapbox's terms ask for its attribution on every map it draws.
      attributionControl
      // mapbox-gl's name for maplibre's canvasContextAttributes: keeps the canvas readable for print and tests.
      preserveDrawingBuffer
      mapboxAccessToken={token}
      mapStyle="mapbox://styles/mapbox/streets-v12"
      onLoad={() => (styleLoaded.current = true)}
      // Later errors (a missing tile, telemetry) leave a usable map; only a style that never loaded is fatal.
      onError={() => !styleLoaded.current && onUnavailable()}
    >
      <NavigationControl position="top-right" showCompass={false} />
      {layers(MAPBOX_KIT)}
    </MapboxGl>
  );
}
