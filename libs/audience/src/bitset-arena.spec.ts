import { describe, expect, it } from 'vitest';
import { BitsetArena } from './bitset-arena';

describe('BitsetArena', () => {
  it('keeps every bitset when allocating grows the memory, through views rebound afterwards', () => {
    const arena = new BitsetArena(1_000, 4_096, 1);
    let views = [arena.allocate().bits];
    views[0]![999] = 1;
    let grows = 0;
    for (let i = 1; i < 200; i++) {
      const { bits, grew } = arena.allocate();
      if (grew) {
        grows++;
        views = views.map((view) => arena.rebind(view));
      }
      bits[i] = i;
      views.push(bits);
    }
    expect(grows).toBeGreaterThan(1);
    expect(views.every((view) => arena.holds(view))).toBe(true);
    expect(views[0]![999]).toBe(1);
    expect(views.slice(1).every((view, i) => view[i + 1] === i + 1 && view.length === 1_000)).toBe(true);
    // Slots never overlap the scratch space or each other, and keep the kernels' 64-byte alignment.
    const offsets = views.map((view) => view.byteOffset).sort((a, b) => a - b);
    expect(offsets[0]).toBeGreaterThanOrEqual(4_096);
    expect(offsets.every((offset, i) => offset % 64 === 0 && (i === 0 || offset - offsets[i - 1]! >= 4_000))).toBe(true);
  });

  it('refuses views of another arena, or made before the memory grew', () => {
    const [a, b] = [new BitsetArena(64, 0, 1), new BitsetArena(64, 0, 1)];
    const first = a.allocate().bits;
    expect(b.holds(first)).toBe(false);
    expect(() => b.rebind(first)).toThrow();
    while (!a.allocate().grew);
    expect(a.holds(first)).toBe(false);
    expect(a.holds(a.rebind(first))).toBe(true);
  });
});
