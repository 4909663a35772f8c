// Shared between the server (which shapes the data) and the client map.
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
