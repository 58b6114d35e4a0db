// Lists as long as the input makes them. A spread into a call (push(...xs), Math.max(...xs)) passes
// every element as an argument, and V8 runs out of stack at about 100,000 of them.

/** Appends every item of `items` to `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest of `values`, or `otherwise` when there are none (or all are smaller). */
export function largest(values: Iterable<number>, otherwise = -Infinity): number {
  let most = otherwise;
  for (const value of values) if (value > most) most = value;
  return most;
}

/** The smallest of `values`, or null when there are none. */
export function smallest(values: Iterable<number>): number | null {
  let least: number | null = null;
  for (const value of values) if (least === null || value < least) least = value;
  return least;
}
