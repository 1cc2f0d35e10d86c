import { describe, expect, it } from 'vitest';
import { decodeChange } from '../../src/decode-change.js';
import type { WritingChange } from '../../src/health-recovery.js';
import { readWindows, WINDOW_READ_CONCURRENCY } from '../../src/neighbour-windows.js';
import type { NeighbourWindowRequest, NeighbourWindowResult } from '../../src/read-neighbour-window.js';
import { insert, reading } from './stream-records.js';

const at = (second: number) => `2026-11-21T10:00:${String(second).padStart(2, '0')}.000Z`;

function writing(record: ReturnType<typeof insert>): WritingChange {
  const decoded = decodeChange(record);
  if (!decoded.ok || decoded.change.kind === 'REMOVE') throw new Error('test record is not a written reading');
  return decoded.change;
}

describe('readWindows', () => {
  it('reads one window per unicorn, from its earliest to its latest change, with a bounded number in flight', async () => {
    // Prepare: 30 unicorns, two readings each; the reader records how many reads overlap
    const changes = Array.from({ length: 30 }, (_, unicorn) => [
      writing(insert(2 * unicorn, reading({ Name: `u-${unicorn}`, StatusTime: at(5) }))),
      writing(insert(2 * unicorn + 1, reading({ Name: `u-${unicorn}`, StatusTime: at(2) }))),
    ]).flat();
    const requests: NeighbourWindowRequest[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const read = async (request: NeighbourWindowRequest): Promise<NeighbourWindowResult> => {
      requests.push(request);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return { ok: true, window: [] };
    };

    // Act
    const windows = await readWindows(changes, read);

    // Assess
    expect(windows.size).toBe(30);
    expect(requests).toHaveLength(30);
    expect(requests[0]).toEqual({ unicorn: 'u-0', from: at(2), to: at(5) });
    expect(mostInFlight).toBe(WINDOW_READ_CONCURRENCY);
  });
});
