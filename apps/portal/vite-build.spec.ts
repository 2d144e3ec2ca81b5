import { describe, expect, it } from 'vitest';
import config from './vite.config';

describe('the portal’s production build', () => {
  it('writes no source maps: the API serves the build folder to everyone', () => {
    // false, or 'hidden' (maps written but not referenced, and apps/api refuses to serve *.map).
    expect([false, 'hidden', undefined]).toContain(config.build?.sourcemap);
    expect(config.build?.sourcemap).not.toBe(true);
    expect(config.build?.sourcemap).not.toBe('inline');
  });
});
