import { describe, expect, it } from 'vitest';
import { shouldSeedDemo } from '@/lib/runtime/demo-mode';

describe('shouldSeedDemo', () => {
  it('seeds the embedded database when VIGIL_DEMO is unset, so `npm ci && npm start` shows the demo', () => {
    expect(shouldSeedDemo({ demo: undefined, embedded: true })).toBe(true);
  });
  it('never seeds a DATABASE_URL database unless asked', () => {
    expect(shouldSeedDemo({ demo: undefined, embedded: false })).toBe(false);
  });
  it('seeds a DATABASE_URL database when VIGIL_DEMO=1', () => {
    expect(shouldSeedDemo({ demo: true, embedded: false })).toBe(true);
  });
  it('seeds nothing with VIGIL_DEMO=0, even embedded', () => {
    expect(shouldSeedDemo({ demo: false, embedded: true })).toBe(false);
    expect(shouldSeedDemo({ demo: false, embedded: false })).toBe(false);
  });
});
