import { mapWithConcurrency } from '@wildrydes/aws-clients';
import type { NeighbourWindowRequest, NeighbourWindowResult } from './read-neighbour-window.js';
import type { WritingChange } from './health-recovery.js';

/** Reads one unicorn's neighbour window; the handler wires it to `readNeighbourWindow`. Never throws. */
export type ReadNeighbourWindow = (request: NeighbourWindowRequest) => Promise<NeighbourWindowResult>;

/**
 * The window requests of a batch: one per unicorn with written readings, spanning its earliest
 * to its latest changed `StatusTime`, so a batch costs one window read per unicorn, not one per
 * record. Pure.
 *
 * @example
 * ```ts
 * windowRequests([insertOf('Shadowfax', t2), insertOf('Shadowfax', t1)]); // [{ unicorn: 'Shadowfax', from: t1, to: t2 }]
 * ```
 */
export function windowRequests(changes: readonly WritingChange[]): NeighbourWindowRequest[] {
  const spans = new Map<string, { from: string; to: string }>();
  for (const { key } of changes) {
    const span = spans.get(key.unicorn);
    if (!span) spans.set(key.unicorn, { from: key.statusTime, to: key.statusTime });
    else {
      if (key.statusTime < span.from) span.from = key.statusTime;
      if (key.statusTime > span.to) span.to = key.statusTime;
    }
  }
  return [...spans].map(([unicorn, span]) => ({ unicorn, ...span }));
}

/**
 * Window reads in flight at once: enough to hide round trips, few enough not to multiply
 * throttling when a batch holds a hundred unicorns (as the batch writers bound their calls).
 */
export const WINDOW_READ_CONCURRENCY = 8;

/**
 * Reads the window of every unicorn the batch wrote readings of, at most
 * {@link WINDOW_READ_CONCURRENCY} at a time, keyed by unicorn.
 *
 * @example
 * ```ts
 * const windows = await readWindows(changes, (request) => readNeighbourWindow(dynamodb, { tableName, deadline }, request));
 * ```
 */
export async function readWindows(changes: readonly WritingChange[], read: ReadNeighbourWindow): Promise<Map<string, NeighbourWindowResult>> {
  const requests = windowRequests(changes);
  const results = await mapWithConcurrency(requests, WINDOW_READ_CONCURRENCY, (request) => read(request));
  return new Map(requests.map((request, index) => [request.unicorn, results[index] as NeighbourWindowResult]));
}
