import { describe, expect, it } from 'vitest';
import { deliverBatch, type DiscardAttempts, type InvokeOutcome } from '../../src/event-source-mapping/deliver-batch.js';
import { readBatchResponse } from '../../src/event-source-mapping/batch-response.js';
import type { DeliverySettings } from '../../src/event-source-mapping/delivery-settings.js';

interface Rec {
  id: string;
  arrivalMs: number;
}

const settings: DeliverySettings = {
  retryAttempts: 3,
  maxRecordAgeSeconds: -1,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  retryDelayMs: 10,
};
const accessors = { idOf: (r: Rec) => r.id, arrivalMsOf: (r: Rec) => r.arrivalMs };
const records = (n: number, arrivalMs = 0): Rec[] => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), arrivalMs }));

/** A harness recording every invocation, success and discard, with a fake clock. */
function harness(behaviour: (batch: readonly Rec[], call: number) => InvokeOutcome) {
  const invocations: string[][] = [];
  const succeeded: string[] = [];
  const discarded: Array<{ ids: string[]; reason: string }> = [];
  const attempts: DiscardAttempts[] = [];
  let clockMs = 1_000_000;
  const ports = {
    invoke: async (batch: readonly Rec[]) => {
      invocations.push(batch.map((r) => r.id));
      return behaviour(batch, invocations.length);
    },
    succeeded: (done: readonly Rec[]) => {
      succeeded.push(...done.map((r) => r.id));
    },
    discarded: (lost: readonly Rec[], reason: string, _lastError: string | undefined, tried: DiscardAttempts) => {
      discarded.push({ ids: lost.map((r) => r.id), reason });
      attempts.push(tried);
    },
    nowMs: () => clockMs,
    sleep: async (ms: number) => {
      clockMs += ms;
    },
  };
  return { ports, invocations, succeeded, discarded, attempts, advance: (ms: number) => (clockMs += ms) };
}

const ok: InvokeOutcome = { kind: 'returned', response: { batchItemFailures: [] } };
const failAt = (...ids: string[]): InvokeOutcome => ({
  kind: 'returned',
  response: { batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) },
});

describe('deliverBatch', () => {
  it('delivers a successful batch once', async () => {
    const h = harness(() => ok);
    await deliverBatch(records(5), settings, accessors, h.ports);
    expect(h.invocations).toEqual([['1', '2', '3', '4', '5']]);
    expect(h.succeeded).toEqual(['1', '2', '3', '4', '5']);
    expect(h.discarded).toEqual([]);
  });

  it('resumes a partial failure at the lowest reported record, not before and not after', async () => {
    // Prepare: the first call reports 4 and 3 failed; the retry succeeds.
    const h = harness((_batch, call) => (call === 1 ? failAt('4', '3') : ok));
    // Act
    await deliverBatch(records(5), settings, accessors, h.ports);
    // Assess
    expect(h.invocations).toEqual([
      ['1', '2', '3', '4', '5'],
      ['3', '4', '5'],
    ]);
    expect(h.succeeded).toEqual(['1', '2', '3', '4', '5']);
  });

  it('isolates a poison record by bisecting, delivers everything else in order, and discards only the poison', async () => {
    const h = harness((batch) => (batch.some((r) => r.id === '6') ? { kind: 'error', message: 'boom' } : ok));

    await deliverBatch(records(8), settings, accessors, h.ports);

    expect(h.succeeded).toEqual(['1', '2', '3', '4', '5', '7', '8']);
    expect(h.discarded).toEqual([{ ids: ['6'], reason: 'RetryAttemptsExhausted' }]);
    // The on-failure record's approximateInvokeCount: every invocation that included record 6 (7 below).
    expect(h.attempts).toEqual([{ invokeCount: 7, functionError: true }]);
    // 8 -> [1-4] ok, [5-8] fails -> [5,6] fails -> [5] ok, [6] fails 1 + 3 retries; [7,8] ok
    expect(h.invocations).toEqual([
      ['1', '2', '3', '4', '5', '6', '7', '8'],
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8'],
      ['5', '6'],
      ['5'],
      ['6'],
      ['6'],
      ['6'],
      ['6'],
      ['7', '8'],
    ]);
  });

  it('stops retrying at the bound when bisect is off', async () => {
    const h = harness(() => ({ kind: 'error', message: 'Task timed out' }));

    await deliverBatch(records(3), { ...settings, bisectBatchOnError: false, retryAttempts: 2 }, accessors, h.ports);

    expect(h.invocations).toHaveLength(3);
    expect(h.discarded).toEqual([{ ids: ['1', '2', '3'], reason: 'RetryAttemptsExhausted' }]);
    expect(h.succeeded).toEqual([]);
  });

  it('counts partial-failure retries against the bound too', async () => {
    const h = harness(() => failAt('2'));

    await deliverBatch(records(3), { ...settings, retryAttempts: 1 }, accessors, h.ports);

    expect(h.invocations).toEqual([
      ['1', '2', '3'],
      ['2', '3'],
    ]);
    expect(h.succeeded).toEqual(['1']);
    expect(h.discarded).toEqual([{ ids: ['2', '3'], reason: 'RetryAttemptsExhausted' }]);
    // The function returned a partial batch response: no functionError in the on-failure record.
    expect(h.attempts).toEqual([{ invokeCount: 2, functionError: false }]);
  });

  it('discards records that outlive the maximum record age, even with unbounded retries', async () => {
    // Prepare: records arrive now; every invocation fails; a retry every 15 s; max age 60 s.
    const h = harness(() => ({ kind: 'error', message: 'down' }));
    const arrivedNow = records(2, h.ports.nowMs());

    // Act
    await deliverBatch(
      arrivedNow,
      { ...settings, bisectBatchOnError: false, retryAttempts: -1, maxRecordAgeSeconds: 60, retryDelayMs: 15_000 },
      accessors,
      h.ports,
    );

    // Assess: invoked at 0, 15, 30, 45 and 60 s; at 75 s the records are too old.
    expect(h.invocations).toHaveLength(5);
    expect(h.discarded).toEqual([{ ids: ['1', '2'], reason: 'RecordAgeExceeded' }]);
  });

  it('treats an unknown or empty itemIdentifier as a complete failure, as Lambda does', async () => {
    const h = harness((_batch, call) => (call === 1 ? failAt('not-in-batch') : ok));
    await deliverBatch(records(2), { ...settings, bisectBatchOnError: false }, accessors, h.ports);
    expect(h.invocations).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
  });
});

describe('readBatchResponse', () => {
  const ids = ['10', '11', '12'];
  it.each([
    ['null response', null, { kind: 'success' }],
    ['empty object', {}, { kind: 'success' }],
    ['null list', { batchItemFailures: null }, { kind: 'success' }],
    ['empty list', { batchItemFailures: [] }, { kind: 'success' }],
    ['lowest of several', { batchItemFailures: [{ itemIdentifier: '12' }, { itemIdentifier: '11' }] }, { kind: 'partial', firstFailedIndex: 1 }],
  ])('%s', (_label, response, expected) => {
    expect(readBatchResponse(response, ids, true)).toEqual(expected);
  });

  it.each([
    ['empty identifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['null identifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['wrong key name', { batchItemFailures: [{ itemId: '10' }] }],
    ['unknown identifier', { batchItemFailures: [{ itemIdentifier: '99' }] }],
  ])('%s is a complete failure', (_label, response) => {
    expect(readBatchResponse(response, ids, true).kind).toBe('failure');
  });

  it('ignores the response without ReportBatchItemFailures', () => {
    expect(readBatchResponse({ batchItemFailures: [{ itemIdentifier: '10' }] }, ids, false)).toEqual({ kind: 'success' });
  });
});
