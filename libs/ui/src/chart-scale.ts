/**
 * A "nice" axis for a bar chart: the smallest step of 1, 2, 2.5 or 5 × 10^n that covers `max` in at
 * most `maxTicks` steps. Returns the tick values from 0 up to and including the top of the axis.
 *
 * `minStep` keeps steps whole multiples of a unit: 1 for counts and for amounts in cents, so a
 * chart of a few cents never gets ticks between two cents (which would print the same label twice).
 */
export function niceTicks(max: number, maxTicks = 4, minStep = 0): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, minStep > 0 ? minStep : 1];
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const candidates = [1, 2, 2.5, 5, 10]
    .map((m) => round(m * magnitude))
    .filter((candidate) => minStep <= 0 || (candidate >= minStep && isMultiple(candidate, minStep)));
  const step = candidates.find((candidate) => candidate * maxTicks >= max) ?? Math.max(round(10 * magnitude), minStep);
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, index) => round(index * step));
}

/** The distance between two ticks (the axis always starts at 0). */
export function tickStep(ticks: readonly number[]): number {
  return ticks.length > 1 ? round(ticks[1]! - ticks[0]!) : 1;
}

function isMultiple(value: number, unit: number): boolean {
  const ratio = value / unit;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
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
