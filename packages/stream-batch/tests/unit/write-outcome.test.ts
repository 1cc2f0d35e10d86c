import { describe, expect, it } from 'vitest';
import { openSlots } from '../../src/record-slot.js';
import { applyWriteOutcome } from '../../src/write-outcome.js';
import { jsonRecords } from './kinesis-records.js';

const KINESIS = { done: 'published', sink: 'Kinesis', unit: 'record' } as const;

describe('applyWriteOutcome', () => {
  it('settles written, retryable and rejected records, and returns the rejected ones', () => {
    // Prepare
    const slots = openSlots<'published'>(jsonRecords(4));
    const [written, throttled, tooLarge, invalid] = slots as [(typeof slots)[0], (typeof slots)[0], (typeof slots)[0], (typeof slots)[0]];

    // Act
    const rejected = applyWriteOutcome(
      {
        succeeded: [written],
        failed: [
          { ref: throttled, retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: ProvisionedThroughputExceededException after 3 attempt(s)' },
          { ref: tooLarge, retryable: false, code: 'TooLarge', reason: 'RecordTooLarge: 1048600 bytes > limit 1048576 bytes' },
          { ref: invalid, retryable: false, code: 'Invalid', reason: 'InvalidArgumentException: bad' },
        ],
      },
      KINESIS,
    );

    // Assess
    expect(rejected).toEqual([tooLarge, invalid]);
    expect(written.fate).toBe('published');
    expect(throttled).toMatchObject({ fate: 'retry', retryReason: expect.stringMatching(/^MaxAttemptsReached/) });
    expect(tooLarge.poison).toEqual({ reason: 'TOO_LARGE', detail: 'Kinesis rejected the record: RecordTooLarge: 1048600 bytes > limit 1048576 bytes' });
    expect(invalid.poison).toEqual({ reason: 'REJECTED_BY_SINK', detail: 'Kinesis rejected the record: InvalidArgumentException: bad' });
    expect([tooLarge.fate, invalid.fate]).toEqual(['retry', 'retry']);
  });

  it("names the sink's own unit, and decides on the code, never on the reason's text", () => {
    const [tooLarge, invalid] = openSlots<'stored'>(jsonRecords(2));

    const rejected = applyWriteOutcome(
      {
        succeeded: [],
        failed: [
          { ref: tooLarge!, retryable: false, code: 'TooLarge', reason: 'ValidationException: Item size has exceeded the maximum allowed size' },
          { ref: invalid!, retryable: false, code: 'Invalid', reason: 'ItemTooLarge-looking text that is not a size failure' },
        ],
      },
      { done: 'stored', sink: 'DynamoDB', unit: 'item' },
    );

    expect(rejected.map((rejectedSlot) => rejectedSlot.poison)).toEqual([
      { reason: 'TOO_LARGE', detail: 'DynamoDB rejected the item: ValidationException: Item size has exceeded the maximum allowed size' },
      { reason: 'REJECTED_BY_SINK', detail: 'DynamoDB rejected the item: ItemTooLarge-looking text that is not a size failure' },
    ]);
  });

  it('accepts any iterable, such as a set of written refs', () => {
    const slots = openSlots<'published'>(jsonRecords(2));

    expect(applyWriteOutcome({ succeeded: new Set(slots), failed: [] }, KINESIS)).toEqual([]);
    expect(slots.map((slot) => slot.fate)).toEqual(['published', 'published']);
  });
});
