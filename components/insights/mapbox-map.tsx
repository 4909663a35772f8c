'use client';
// The Mapbox variant of the store map, used only when MAPBOX_TOKEN is set (mapbox-gl draws nothing without one).
import 'mapbox-gl/dist/mapbox-gl.css';
import type { ReactNode } from 'react';
import MapboxGl, { NavigationControl } from 'react-map-gl/mapbox';

export default function MapboxMap({
  token,
  common,
  children,
}: {
  token: string;
  common: Record<string, unknown>;
  children: ReactNode;
}) {
  return (
    <MapboxGl {...common} mapboxAccessToken={token} mapStyle="mapbox://styles/mapbox/streets-v12">
      <NavigationControl position="top-right" showCompass={false} />
      {children}
    </MapboxGl>
  );
}
