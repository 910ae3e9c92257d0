/** Virtual seconds as a short human figure ("12.500 ms"); shared by the editor marks and the timeline. */
export function formatTime(s: number): string {
  const a = Math.abs(s);
  return a >= 1 ? `${s.toFixed(3)} s` : a >= 1e-3 ? `${(s * 1e3).toFixed(3)} ms` : `${(s * 1e6).toFixed(1)} µs`;
}

/** A tick label on an axis whose ticks are `step` seconds apart: a unit near the step's, just enough decimals to tell ticks apart. */
export function formatTick(t: number, step: number): string {
  const units: [number, number, string][] = [[0.1, 1, "s"], [1e-4, 1e-3, "ms"], [1e-7, 1e-6, "µs"], [0, 1e-9, "ns"]];
  const [, scale, unit] = units.find(([min]) => step >= min) ?? units[units.length - 1];
  const decimals = Math.max(0, Math.min(9, -Math.floor(Math.log10(step / scale) + 1e-9)));
  return `${(t / scale).toFixed(decimals)} ${unit}`;
}
