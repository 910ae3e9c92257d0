/** Virtual seconds as a short human figure ("12.500 ms"); shared by the editor marks and the timeline. */
export function formatTime(s: number): string {
  const a = Math.abs(s);
  return a >= 1 ? `${s.toFixed(3)} s` : a >= 1e-3 ? `${(s * 1e3).toFixed(3)} ms` : `${(s * 1e6).toFixed(1)} µs`;
}
