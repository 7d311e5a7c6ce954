/** Relative closeness, the way numerical tests compare floating-point results with their hand calculation. */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  return Math.abs(actual - expected) / scale;
}

export function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  const err = relativeError(actual, expected);
  if (!(err <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} (relative) of ${expected}, relative error ${err}`);
  }
}
