import { describe, expect, it } from 'vitest';
import { cellOf, cellsAround } from '@/lib/context/grid-cells';

/** A point `metres` away from (lat, lng) on `bearing` radians (flat-earth step: fine at 1 km). */
function offset(lat: number, lng: number, metres: number, bearing: number): [number, number] {
  const dLat = (metres * Math.cos(bearing)) / 111_195;
  const dLng = (metres * Math.sin(bearing)) / (111_195 * Math.cos((lat * Math.PI) / 180));
  return [lat + dLat, lng + dLng];
}

describe('grid cells around a store', () => {
  it('cover every point within the radius, wherever the store sits in its cell', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Stores from Cornwall to Shetland, either side of the Greenwich meridian and on cell edges.
    const stores: [number, number][] = [[50.1, -5.5], [51.5072, -0.1276], [51.5, 0], [53.48, -2.24], [60.15, -1.15], [52.0, 0.01]];
    for (let i = 0; i < 40; i++) stores.push([50 + random() * 10, -6 + random() * 8]);
    for (const [lat, lng] of stores) {
      const cells = new Set(cellsAround(lat, lng, 1000));
      expect(cells.size).toBeLessThanOrEqual(16); // 3 rows × up to 5 columns in Shetland
      for (let k = 0; k < 200; k++) {
        const [pLat, pLng] = offset(lat, lng, 999 * Math.sqrt(random()), random() * 2 * Math.PI);
        expect(cells.has(cellOf(pLat, pLng)), `${pLat},${pLng} near ${lat},${lng}`).toBe(true);
      }
    }
  });

  it('numbers cells as the generated column does, west of Greenwich included', () => {
    expect(cellOf(53.4808, -2.2426)).toBe(5348 * 100_000 + -225 + 50_000);
    expect(cellOf(51.5, 0.005)).toBe(5150 * 100_000 + 0 + 50_000);
  });
});
