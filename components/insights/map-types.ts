// Shared between the server (which shapes the data) and the client map.
import type { Layer, Popup, Source } from 'react-map-gl/maplibre';
export type MapStore = {
  code: string;
  name: string;
  lat: number;
  lng: number;
  incidents: number;
  ratePerDay: number;
  hotspot: boolean;
  emerging: boolean;
  reasons: string[];
};

/** Colour-blind-safe sequential ramp (viridis) for incidents per day, as fractions of the highest rate. */
export const RATE_RAMP: [number, string][] = [
  [0, '#fde725'],
  [0.25, '#5ec962'],
  [0.5, '#21918c'],
  [0.75, '#3b528b'],
  [1, '#440154'],
];

/** The optional police.uk layer: shoplifting points as [lng, lat] (GeoJSON order, the smallest payload). */
export type MapPoliceLayer = { points: [number, number][]; visible: boolean };

/** Police-recorded crimes are context, not ours: neutral grey (slate-600), never a severity colour. */
export const POLICE_DOT_COLOUR = '#475569';

/**
 * The Source and Layer components of whichever map library draws: react-map-gl's maplibre and mapbox
 * builds each have their own map context, so layers must come from the library of the map they sit in.
 * Both take the same style-spec props, so the maplibre types describe either.
 */
export type MapLayerKit = { Source: typeof Source; Layer: typeof Layer; Popup: typeof Popup };
