import { describe, expect, it } from 'vitest';
import { BatchWriteLedger, EntryLedger } from '../../src/batch-write-ledger.js';

describe('BatchWriteLedger', () => {
  it('reports every ref once, in input order, superseded ones by their winner', () => {
    // Prepare
    const ledger = new BatchWriteLedger(['r0', 'r1', 'r2', 'r3', 'r4']);
    const cause = new Error('throttled');

    // Act
    ledger.markWritten(4);
    ledger.markSuperseded(0, 4);
    ledger.markFailed(3, { retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached', cause });
    ledger.markSuperseded(1, 3);
    ledger.markFailed(2, { retryable: false, code: 'TooLarge', reason: 'ItemTooLarge' });
    const result = ledger.toResult(7);

    // Assess
    expect(result).toEqual({
      written: ['r4'],
      superseded: ['r0'],
      failed: [
        { ref: 'r1', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached', cause },
        { ref: 'r2', retryable: false, code: 'TooLarge', reason: 'ItemTooLarge' },
        { ref: 'r3', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached', cause },
      ],
      attempts: 7,
    });
    expect(result.failed[1]).not.toHaveProperty('cause');
  });

  it('reports an input without an outcome as a retryable failure instead of losing it', () => {
    // Prepare
    const ledger = new BatchWriteLedger(['r0']);

    // Act
    const result = ledger.toResult(0);

    // Assess
    expect(result.failed).toEqual([{ ref: 'r0', retryable: true, code: 'Unaccounted', reason: 'Unaccounted: no outcome was recorded' }]);
  });
});

describe('EntryLedger', () => {
  it('reports every ref once, in input order, successes with their details', () => {
    // Prepare
    const ledger = new EntryLedger<string, { eventId: string }>(['r0', 'r1', 'r2']);
    const cause = new Error('throttled');

    // Act
    ledger.succeed(2, { eventId: 'e-2' });
    ledger.fail(0, { retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached', cause });
    ledger.fail(1, { retryable: false, code: 'TooLarge', reason: 'EntryTooLarge' });
    const result = ledger.toResult();

    // Assess
    expect(result).toEqual({
      succeeded: [{ ref: 'r2', eventId: 'e-2' }],
      failed: [
        { ref: 'r0', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached', cause },
        { ref: 'r1', retryable: false, code: 'TooLarge', reason: 'EntryTooLarge' },
      ],
    });
    expect(result.failed[1]).not.toHaveProperty('cause');
    expect(ledger.failureReasonOf(1)).toBe('EntryTooLarge');
    expect(ledger.failureReasonOf(2)).toBeUndefined();
  });

  it('reports an entry without an outcome as a retryable failure instead of losing it', () => {
    // Act
    const result = new EntryLedger<string, { eventId: string }>(['r0']).toResult();

    // Assess
    expect(result.failed).toEqual([{ ref: 'r0', retryable: true, code: 'Unaccounted', reason: 'Unaccounted: no outcome was recorded' }]);
  });
});
