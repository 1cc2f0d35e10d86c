import type { KinesisStreamRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { QuarantineRecord } from '@wildrydes/schemas';
import { decodeJsonRecord } from '../../src/decode-json-record.js';
import {
  processStreamBatch,
  type Prepared,
  type QuarantinePorts,
  type SlotEntry,
  type StreamBatchSteps,
} from '../../src/process-stream-batch.js';
import type { SinkFailure } from '../../src/write-outcome.js';
import { b64, jsonRecords, kinesisRecord } from './kinesis-records.js';

type Entry = { n: number };
type Failure = Omit<SinkFailure<unknown>, 'ref'>;

/** A record's `{"n": …}` as the entry; anything else is poison. */
function prepare(record: KinesisStreamRecord): Prepared<Entry> {
  const decoded = decodeJsonRecord(record.kinesis.data);
  if (!decoded.ok) return decoded;
  const n = (decoded.json as { n?: unknown }).n;
  return typeof n === 'number' ? { ok: true, entry: { n } } : { ok: false, reason: 'SCHEMA_VIOLATION', detail: 'n: missing' };
}

/** In-memory sink and quarantine that record what they were given, and a log of call order. */
function fakeSteps(options: { failures?: Map<number, Failure>; quarantineFails?: boolean } = {}) {
  const sink: Entry[] = [];
  const quarantine: QuarantineRecord[] = [];
  const log: string[] = [];
  const steps: StreamBatchSteps<'stored', Entry> = {
    done: 'stored',
    sink: 'TestSink',
    unit: 'entry',
    functionName: 'test-consumer',
    prepare,
    async write(entries: ReadonlyArray<SlotEntry<'stored', Entry>>) {
      log.push('write started');
      await new Promise((resolve) => setTimeout(resolve, 5));
      const succeeded: Array<SlotEntry<'stored', Entry>['ref']> = [];
      const failed: Array<SinkFailure<SlotEntry<'stored', Entry>['ref']>> = [];
      for (const { n, ref } of entries) {
        const failure = options.failures?.get(n);
        if (failure) failed.push({ ref, ...failure });
        else {
          sink.push({ n });
          succeeded.push(ref);
        }
      }
      log.push('write finished');
      return { succeeded, failed };
    },
  };
  const ports: QuarantinePorts = {
    async quarantine(records) {
      log.push(`quarantine ${records.map((record) => record.origin.sequenceNumber.slice(-1)).join(',')}`);
      if (options.quarantineFails) return { failed: records };
      quarantine.push(...records);
      return { failed: [] };
    },
    now: () => new Date('2026-11-21T12:00:00.000Z'),
  };
  return { steps, ports, sink, quarantine, log };
}

describe('processStreamBatch', () => {
  it('writes every prepared entry in delivery order, carrying its slot as ref', async () => {
    // Prepare
    const { steps, ports, sink } = fakeSteps();

    // Act
    const report = await processStreamBatch(jsonRecords(3), steps, ports);

    // Assess
    expect(sink).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(report.response).toEqual({ batchItemFailures: [] });
    expect(report.summary).toEqual({ received: 3, stored: 3, quarantined: 0, retry: 0 });
  });

  it('quarantines poison while the write runs, not after it', async () => {
    const records = [...jsonRecords(2), kinesisRecord(2, '***'), kinesisRecord(3, b64('{}'))];
    const { steps, ports, log, quarantine } = fakeSteps();

    const report = await processStreamBatch(records, steps, ports);

    expect(log).toEqual(['write started', 'quarantine 2,3', 'write finished']);
    expect(quarantine.map(({ reason, detail, quarantinedBy, quarantinedAt }) => ({ reason, detail, quarantinedBy, quarantinedAt }))).toEqual([
      { reason: 'INVALID_BASE64', detail: 'record data is not valid base64', quarantinedBy: 'test-consumer', quarantinedAt: '2026-11-21T12:00:00.000Z' },
      { reason: 'SCHEMA_VIOLATION', detail: 'n: missing', quarantinedBy: 'test-consumer', quarantinedAt: '2026-11-21T12:00:00.000Z' },
    ]);
    expect(report.summary).toEqual({ received: 4, stored: 2, quarantined: 2, retry: 0 });
    expect(report.quarantined).toEqual([
      { sequenceNumber: '49000000002', reason: 'INVALID_BASE64', detail: 'record data is not valid base64' },
      { sequenceNumber: '49000000003', reason: 'SCHEMA_VIOLATION', detail: 'n: missing' },
    ]);
  });

  it('quarantines what the sink rejects for good after the write, and reports retryable failures', async () => {
    const failures = new Map<number, Failure>([
      [0, { retryable: true, code: 'MaxAttemptsReached', reason: 'Throttled: slow down' }],
      [1, { retryable: false, code: 'TooLarge', reason: 'TooBig: 2 MB' }],
      [2, { retryable: false, code: 'Invalid', reason: 'Invalid: no' }],
    ]);
    const { steps, ports, log, quarantine } = fakeSteps({ failures });

    const report = await processStreamBatch(jsonRecords(4), steps, ports);

    expect(log).toEqual(['write started', 'write finished', 'quarantine 1,2']);
    expect(quarantine.map(({ reason, detail }) => [reason, detail])).toEqual([
      ['TOO_LARGE', 'TestSink rejected the entry: TooBig: 2 MB'],
      ['REJECTED_BY_SINK', 'TestSink rejected the entry: Invalid: no'],
    ]);
    expect(report.response).toEqual({ batchItemFailures: [{ itemIdentifier: '49000000000' }] });
    expect(report.failures).toEqual([{ sequenceNumber: '49000000000', reason: 'Throttled: slow down' }]);
    expect(report.summary).toEqual({ received: 4, stored: 1, quarantined: 2, retry: 1 });
  });

  it('hands poison back for retry when the quarantine cannot store it, so nothing is lost', async () => {
    const failures = new Map<number, Failure>([[1, { retryable: false, code: 'Invalid', reason: 'Invalid: no' }]]);
    const records = [...jsonRecords(2), kinesisRecord(2, b64('not json'))];
    const { steps, ports } = fakeSteps({ failures, quarantineFails: true });

    const report = await processStreamBatch(records, steps, ports);

    expect(report.response).toEqual({ batchItemFailures: [{ itemIdentifier: '49000000001' }, { itemIdentifier: '49000000002' }] });
    expect(report.failures.map(({ reason }) => reason)).toEqual(['quarantine write failed', 'quarantine write failed']);
  });

  it('calls neither the sink nor the quarantine for an empty batch', async () => {
    const { steps, ports, log } = fakeSteps();

    const report = await processStreamBatch([], steps, ports);

    expect(report.response).toEqual({ batchItemFailures: [] });
    expect(log).toEqual([]);
  });

  it('does not call the sink when every record is poison', async () => {
    const { steps, ports, log } = fakeSteps();

    const report = await processStreamBatch([kinesisRecord(0, '%')], steps, ports);

    expect(log).toEqual(['quarantine 0']);
    expect(report.summary).toEqual({ received: 1, stored: 0, quarantined: 1, retry: 0 });
  });
});
