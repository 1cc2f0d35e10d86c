import { describe, expect, it } from 'vitest';
import type { QuarantineRecord, UnicornSensorItem } from '@wildrydes/schemas';
import type { SinkFailure } from '@wildrydes/stream-batch';
import { processBatch, type WriterPorts, type WriterSlot } from '../../src/process-batch.js';
import { STREAM_ARN, kinesisRecord, reading } from './kinesis-records.js';

type PlannedFailure = Omit<SinkFailure<WriterSlot>, 'ref'>;

/** In-memory ports: a table keyed like UnicornSensorData and a quarantine keyed by sequence number. */
function fakePorts(options: { failures?: Map<number, PlannedFailure>; quarantineFails?: boolean } = {}) {
  const table = new Map<string, UnicornSensorItem>();
  const quarantine = new Map<string, QuarantineRecord>();
  const ports: WriterPorts = {
    async writeItems(puts) {
      const failed: Array<SinkFailure<WriterSlot>> = [];
      const written: WriterSlot[] = [];
      for (const put of puts) {
        const position = Number(put.ref.record.kinesis.sequenceNumber) - 49_000_000_000;
        const failure = options.failures?.get(position);
        if (failure) {
          failed.push({ ref: put.ref, ...failure });
          continue;
        }
        table.set(`${put.item.Name}|${put.item.StatusTime}`, put.item);
        written.push(put.ref);
      }
      return { written, superseded: [], failed };
    },
    async quarantine(records) {
      if (options.quarantineFails) return { failed: records };
      for (const record of records) quarantine.set(record.origin.sequenceNumber, record);
      return { failed: [] };
    },
    now: () => new Date('2026-11-21T12:00:00.000Z'),
  };
  return { ports, table, quarantine };
}

describe('processBatch', () => {
  it('stores every valid reading and reports no failures', async () => {
    // Prepare
    const records = [0, 1, 2].map((i) => kinesisRecord(i, { json: reading({ StatusTime: `2026-11-21T10:00:0${i}.000Z` }) }));
    const { ports, table } = fakePorts();
    // Act
    const result = await processBatch(records, ports, 'kinesis-ddb-writer');
    // Assess
    expect(result.response).toEqual({ batchItemFailures: [] });
    expect(result.summary).toEqual({ received: 3, stored: 3, quarantined: 0, retry: 0 });
    expect(table.size).toBe(3);
  });

  it('quarantines poison records with their original data and does not retry them', async () => {
    const records = [
      kinesisRecord(0, { json: reading() }),
      kinesisRecord(1, { text: 'not json' }),
      kinesisRecord(2, { base64: '***' }),
      kinesisRecord(3, { json: reading({ MagicPoints: -1 }) }),
    ];
    const { ports, table, quarantine } = fakePorts();

    const result = await processBatch(records, ports, 'kinesis-ddb-writer');

    expect(result.response.batchItemFailures).toEqual([]);
    expect(result.summary).toMatchObject({ stored: 1, quarantined: 3 });
    expect(table.size).toBe(1);
    const bySequence = [...quarantine.values()].map((q) => [q.origin.sequenceNumber, q.reason]);
    expect(bySequence).toEqual([
      [records[1]!.kinesis.sequenceNumber, 'INVALID_JSON'],
      [records[2]!.kinesis.sequenceNumber, 'INVALID_BASE64'],
      [records[3]!.kinesis.sequenceNumber, 'SCHEMA_VIOLATION'],
    ]);
    const invalidJson = quarantine.get(records[1]!.kinesis.sequenceNumber)!;
    expect(Buffer.from(invalidJson.data, 'base64').toString('utf8')).toBe('not json');
    expect(invalidJson.origin).toEqual({
      kind: 'kinesis',
      eventSourceArn: STREAM_ARN,
      shardId: 'shardId-000000000000',
      sequenceNumber: records[1]!.kinesis.sequenceNumber,
      partitionKey: 'Shadowfax',
      approximateArrivalTimestamp: 1_763_719_200.5,
    });
    expect(invalidJson.quarantinedBy).toBe('kinesis-ddb-writer');
    expect(invalidJson.quarantinedAt).toBe('2026-11-21T12:00:00.000Z');
    expect(quarantine.get(records[2]!.kinesis.sequenceNumber)!.data).toBe('***');
  });

  it('reports retryable write failures by sequence number, in delivery order', async () => {
    const records = [0, 1, 2, 3].map((i) => kinesisRecord(i, { json: reading({ StatusTime: `2026-11-21T10:00:0${i}.000Z` }) }));
    const failures = new Map<number, PlannedFailure>([
      [3, { retryable: true, code: 'MaxAttemptsReached', reason: 'ProvisionedThroughputExceededException' }],
      [1, { retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' }],
    ]);
    const { ports } = fakePorts({ failures });

    const result = await processBatch(records, ports, 'kinesis-ddb-writer');

    expect(result.response.batchItemFailures).toEqual([
      { itemIdentifier: records[1]!.kinesis.sequenceNumber },
      { itemIdentifier: records[3]!.kinesis.sequenceNumber },
    ]);
    expect(result.summary).toEqual({ received: 4, stored: 2, quarantined: 0, retry: 2 });
    expect(result.failures.map((f) => f.reason)).toEqual(['DeadlineReached: not attempted', 'ProvisionedThroughputExceededException']);
  });

  it('quarantines an item DynamoDB rejects for good instead of retrying it forever', async () => {
    const records = [kinesisRecord(0, { json: reading() }), kinesisRecord(1, { json: reading({ Name: 'Rocinante' }) })];
    const failures = new Map<number, PlannedFailure>([
      [0, { retryable: false, code: 'Invalid', reason: 'ValidationException: item has invalid attribute' }],
      [1, { retryable: false, code: 'TooLarge', reason: 'ItemTooLarge: 420000 bytes > 409600' }],
    ]);
    const { ports, quarantine } = fakePorts({ failures });

    const result = await processBatch(records, ports, 'kinesis-ddb-writer');

    expect(result.response.batchItemFailures).toEqual([]);
    expect([...quarantine.values()].map((q) => q.reason)).toEqual(['REJECTED_BY_SINK', 'TOO_LARGE']);
  });

  it('hands a poison record back for retry when the quarantine cannot store it, so nothing is lost', async () => {
    const records = [kinesisRecord(0, { json: reading() }), kinesisRecord(1, { text: '{' })];
    const { ports } = fakePorts({ quarantineFails: true });

    const result = await processBatch(records, ports, 'kinesis-ddb-writer');

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.kinesis.sequenceNumber }]);
    expect(result.summary).toEqual({ received: 2, stored: 1, quarantined: 0, retry: 1 });
  });

  it('answers an empty batch with no failures', async () => {
    const { ports } = fakePorts();
    expect((await processBatch([], ports, 'kinesis-ddb-writer')).response).toEqual({ batchItemFailures: [] });
  });
});
