import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG, comparableRevision } from '../../src/index.js';
import { examples } from './catalog-examples.js';

describe('health observation revisions', () => {
  it('pads a stream sequence number so that string order is numeric order', () => {
    // DynamoDB Streams sequence numbers are 21 to 40 digits (API reference, StreamRecord): longer is later.
    const earlier = comparableRevision('999999999999999999999');
    const later = comparableRevision('1000000000000000000000');
    expect(earlier < later).toBe(true);
    expect(later).toHaveLength(40);
    expect(comparableRevision(undefined) < earlier).toBe(true);
  });

  it('keeps every UnicornHealthLow published before revisions valid, and checks a revision when there is one', () => {
    const low = EVENT_CATALOG['UnicornHealthLow@1'].detail;
    expect(low.safeParse(examples['UnicornHealthLow@1']).success).toBe(true);
    expect(low.safeParse({ ...(examples['UnicornHealthLow@1'] as object), revision: '100000000000000000001' }).success).toBe(true);
    expect(low.safeParse({ ...(examples['UnicornHealthLow@1'] as object), revision: '12a' }).success).toBe(false);
  });

  it('requires a revision on UnicornHealthRestored', () => {
    const { revision: _omitted, ...withoutRevision } = examples['UnicornHealthRestored@1'] as Record<string, unknown>;
    expect(EVENT_CATALOG['UnicornHealthRestored@1'].detail.safeParse(withoutRevision).success).toBe(false);
  });
});
