import { describe, expect, it } from 'vitest';
import { openSlots } from '../../src/record-slot.js';
import { applyWriteOutcome } from '../../src/write-outcome.js';
import { jsonRecords } from './kinesis-records.js';

const KINESIS = { done: 'published', sink: 'Kinesis', unit: 'record', tooLarge: /^RecordTooLarge\b/ } as const;

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
          { ref: throttled, retryable: true, reason: 'MaxAttemptsReached: ProvisionedThroughputExceededException after 3 attempt(s)' },
          { ref: tooLarge, retryable: false, reason: 'RecordTooLarge: 1048600 bytes > limit 1048576 bytes' },
          { ref: invalid, retryable: false, reason: 'InvalidArgumentException: bad' },
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

  it("names the sink's own unit and reads its own too-large pattern", () => {
    const [slot] = openSlots<'stored'>(jsonRecords(1));

    const rejected = applyWriteOutcome(
      { succeeded: [], failed: [{ ref: slot!, retryable: false, reason: 'ValidationException: Item size has exceeded the maximum allowed size' }] },
      { done: 'stored', sink: 'DynamoDB', unit: 'item', tooLarge: /ItemTooLarge|item size has exceeded/i },
    );

    expect(rejected.map((rejectedSlot) => rejectedSlot.poison)).toEqual([
      { reason: 'TOO_LARGE', detail: 'DynamoDB rejected the item: ValidationException: Item size has exceeded the maximum allowed size' },
    ]);
  });

  it('accepts any iterable, such as a set of written refs', () => {
    const slots = openSlots<'published'>(jsonRecords(2));

    expect(applyWriteOutcome({ succeeded: new Set(slots), failed: [] }, KINESIS)).toEqual([]);
    expect(slots.map((slot) => slot.fate)).toEqual(['published', 'published']);
  });
});
