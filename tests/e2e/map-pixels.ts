// Reading the store map's WebGL canvas back, to check that circles were really drawn.
import type { Page } from '@playwright/test';

/** Pixels of the map canvas in the colours of the store circles' ramp (viridis) or their dark ring. */
export async function circlePixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('[data-testid=store-map] canvas');
    if (!gl) return -1;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const ramp = [
      [0xfd, 0xe7, 0x25],
      [0x5e, 0xc9, 0x62],
      [0x21, 0x91, 0x8c],
      [0x3b, 0x52, 0x8b],
      [0x44, 0x01, 0x54],
      [0x0f, 0x17, 0x2a],
    ];
    let hits = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        ramp.some(
          ([r, g, b]) => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 40,
        )
      )
        hits++;
    }
    return hits;
  });
}
