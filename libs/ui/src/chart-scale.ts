/**
 * A "nice" axis for a bar chart: the smallest step of 1, 2, 2.5 or 5 × 10^n that covers `max` in at
 * most `maxTicks` steps. Returns the tick values from 0 up to and including the top of the axis.
 */
export function niceTicks(max: number, maxTicks = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate * maxTicks >= max) ?? 10 * magnitude;
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, index) => round(index * step));
}

/** Avoids 0.30000000000000004 in tick labels. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The share of the axis a value fills, 0–1; negative values count as their size. */
export function barFraction(value: number, axisMax: number): number {
  if (axisMax <= 0 || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.abs(value) / axisMax);
}
