// A coarse grid over latitude/longitude (0.01° cells, about 1.1 km × 0.7 km in Britain) so "crimes
// within 1 km of a store" reads a dozen cells by index instead of a band across the country.
// The cell number must match police_crime.cell, a generated column (migration 0007):
//   floor(lat × 100) × 100000 + floor(lng × 100) + 50000

const PER_DEGREE = 100;
/** Keeps the longitude part positive (−500…+500 hundredths of a degree cover every UK longitude and more). */
const LNG_OFFSET = 50_000;
/** Metres per degree of latitude, rounded down so the cells always cover the whole circle. */
const METRES_PER_DEGREE = 111_000;

export const cellOf = (lat: number, lng: number) =>
  Math.floor(lat * PER_DEGREE) * 100_000 + Math.floor(lng * PER_DEGREE) + LNG_OFFSET;

/** Every cell that a circle of `radiusMetres` around the point touches (6–15 for 1 km in the UK). */
export function cellsAround(lat: number, lng: number, radiusMetres: number): number[] {
  const dLat = radiusMetres / METRES_PER_DEGREE;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const cells: number[] = [];
  for (let la = Math.floor((lat - dLat) * PER_DEGREE); la <= Math.floor((lat + dLat) * PER_DEGREE); la++)
    for (let lo = Math.floor((lng - dLng) * PER_DEGREE); lo <= Math.floor((lng + dLng) * PER_DEGREE); lo++)
      cells.push(la * 100_000 + lo + LNG_OFFSET);
  return cells;
}
