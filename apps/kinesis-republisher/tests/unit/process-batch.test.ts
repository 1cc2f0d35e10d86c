import { describe, expect, it } from 'vitest';
import { CleanTelemetryReadingSchema, quarantineObjectKey } from '@wildrydes/schemas';
import { processBatch } from '../../src/process-batch.js';
import { fakePorts, type PlannedFailure } from './fake-ports.js';
import { ARRIVAL_MS, kinesisRecord, rawReading } from './kinesis-records.js';

const SETTINGS = { functionName: 'kinesis-republisher', maxClockSkewMs: 300_000 };
const sequences = (records: ReadonlyArray<{ kinesis: { sequenceNumber: string } }>) =>
  records.map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber }));

describe('processBatch', () => {
  it('publishes every valid reading normalised, keyed by Name, in delivery order', async () => {
    // Prepare
    const records = [
      kinesisRecord(0, { json: rawReading({ Name: 'Shadowfax', StatusTime: '2026-11-21 10:00:00.000' }) }, { partitionKey: 'sensor-a' }),
      kinesisRecord(1, { json: rawReading({ Name: 'Rocinante', StatusTime: '2026-11-21T11:00:01+01:00' }) }),
      kinesisRecord(2, { json: rawReading({ Name: 'Shadowfax', StatusTime: Date.UTC(2026, 10, 21, 10, 0, 2, 500) }) }),
    ];
    const { ports, stream } = fakePorts();

    // Act
    const result = await processBatch(records, ports, SETTINGS);

    // Assess
    expect(result.response).toEqual({ batchItemFailures: [] });
    expect(result.summary).toEqual({ received: 3, published: 3, quarantined: 0, retry: 0 });
    expect(stream.map(({ partitionKey }) => partitionKey)).toEqual(['Shadowfax', 'Rocinante', 'Shadowfax']);
    const published = stream.map(({ data }) => JSON.parse(data) as unknown);
    expect(published.map((reading) => CleanTelemetryReadingSchema.parse(reading).StatusTime)).toEqual([
      '2026-11-21T10:00:00.000Z',
      '2026-11-21T10:00:01.000Z',
      '2026-11-21T10:00:02.500Z',
    ]);
    expect(published[0]).toEqual({ ...rawReading(), StatusTime: '2026-11-21T10:00:00.000Z' });
  });

  it('quarantines poison with its original data and the reason, and neither publishes nor retries it', async () => {
    const records = [
      kinesisRecord(0, { json: rawReading() }),
      kinesisRecord(1, { base64: '***' }),
      kinesisRecord(2, { base64: Buffer.from([0xff, 0xfe]).toString('base64') }),
      kinesisRecord(3, { text: '{"Name": "Shadowfax",' }),
      kinesisRecord(4, { json: rawReading({ Latitude: 123 }) }),
      kinesisRecord(5, { json: rawReading({ StatusTime: '2026-02-30 10:00:00.000' }) }),
      kinesisRecord(6, { json: rawReading({ StatusTime: '2026-11-21T10:05:31Z' }) }),
      kinesisRecord(7, { json: rawReading({ HealthPoints: 99.5 }) }),
    ];
    const { ports, stream, quarantine } = fakePorts();

    const result = await processBatch(records, ports, SETTINGS);

    expect(result.response.batchItemFailures).toEqual([]);
    expect(result.summary).toEqual({ received: 8, published: 1, quarantined: 7, retry: 0 });
    expect(stream).toHaveLength(1);
    expect([...quarantine.values()].map((q) => [q.origin.sequenceNumber, q.reason, q.detail])).toEqual([
      ['49000000001', 'INVALID_BASE64', 'record data is not valid base64'],
      ['49000000002', 'INVALID_JSON', 'record data is not valid UTF-8'],
      ['49000000003', 'INVALID_JSON', expect.stringMatching(/^record data is not JSON: /)],
      ['49000000004', 'SCHEMA_VIOLATION', 'Latitude: Too big: expected number to be <=90'],
      ['49000000005', 'SCHEMA_VIOLATION', expect.stringMatching(/^StatusTime: 2026-02-30 is not a date/)],
      ['49000000006', 'SCHEMA_VIOLATION', expect.stringMatching(/^StatusTime: .* is in the future/)],
      ['49000000007', 'SCHEMA_VIOLATION', expect.stringMatching(/^HealthPoints: /)],
    ]);
    const invalidJson = quarantine.get('49000000003')!;
    expect(Buffer.from(invalidJson.data, 'base64').toString('utf8')).toBe('{"Name": "Shadowfax",');
    expect(quarantine.get('49000000001')!.data).toBe('***');
    expect(invalidJson.quarantinedBy).toBe('kinesis-republisher');
    expect(invalidJson.quarantinedAt).toBe('2026-11-21T12:00:00.000Z');
    expect(quarantineObjectKey(invalidJson)).toMatch(/^kinesis-republisher\/unicorn-telemetry\/2026\/11\/21\/shardId-000000000000\/49000000003\.json$/);
    expect(result.quarantined.map(({ sequenceNumber }) => sequenceNumber)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => String(49_000_000_000 + i)));
  });

  it('reports a failed record and every later record of its unicorn, so Lambda resumes in order', async () => {
    // Prepare: Shadowfax's first reading fails for good within this invocation; its later one is held back.
    const records = [
      kinesisRecord(0, { json: rawReading({ Name: 'Rocinante' }) }),
      kinesisRecord(1, { json: rawReading({ Name: 'Shadowfax', StatusTime: '2026-11-21 10:00:01.000' }) }),
      kinesisRecord(2, { json: rawReading({ Name: 'Rocinante', StatusTime: '2026-11-21 10:00:02.000' }) }),
      kinesisRecord(3, { json: rawReading({ Name: 'Shadowfax', StatusTime: '2026-11-21 10:00:03.000' }) }),
    ];
    const failures = new Map<number, PlannedFailure>([
      [1, { retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: ProvisionedThroughputExceededException after 4 attempt(s)' }],
    ]);
    const { ports, stream } = fakePorts({ failures });

    // Act
    const result = await processBatch(records, ports, SETTINGS);

    // Assess
    expect(result.response.batchItemFailures).toEqual(sequences([records[1]!, records[3]!]));
    expect(result.summary).toEqual({ received: 4, published: 2, quarantined: 0, retry: 2 });
    expect(stream.map(({ partitionKey }) => partitionKey)).toEqual(['Rocinante', 'Rocinante']);
    expect(result.failures.map(({ reason }) => reason.split(':')[0])).toEqual(['DeadlineReached', 'BlockedByEarlierFailure']);
  });

  it('quarantines a record Kinesis can never take instead of retrying it forever', async () => {
    const records = [kinesisRecord(0, { json: rawReading() }), kinesisRecord(1, { json: rawReading({ Name: 'Rocinante' }) })];
    const failures = new Map<number, PlannedFailure>([
      [0, { retryable: false, code: 'TooLarge', reason: 'RecordTooLarge: 1048600 bytes > limit 1048576 bytes (data plus partition key)' }],
      [1, { retryable: false, code: 'Invalid', reason: 'InvalidArgumentException: rejected' }],
    ]);
    const { ports, quarantine } = fakePorts({ failures });

    const result = await processBatch(records, ports, SETTINGS);

    expect(result.response.batchItemFailures).toEqual([]);
    expect([...quarantine.values()].map((q) => [q.reason, q.detail])).toEqual([
      ['TOO_LARGE', 'Kinesis rejected the record: RecordTooLarge: 1048600 bytes > limit 1048576 bytes (data plus partition key)'],
      ['REJECTED_BY_SINK', 'Kinesis rejected the record: InvalidArgumentException: rejected'],
    ]);
    expect(quarantine.get(records[0]!.kinesis.sequenceNumber)!.data).toBe(records[0]!.kinesis.data);
  });

  it('hands every valid record back when nothing can be published, and still quarantines poison', async () => {
    const records = [kinesisRecord(0, { json: rawReading() }), kinesisRecord(1, { text: 'poison' }), kinesisRecord(2, { json: rawReading({ Name: 'Rocinante' }) })];
    const { ports, quarantine } = fakePorts({
      everyPutFails: { retryable: true, code: 'Environment', reason: 'ResourceNotFoundException: Stream unicorn-telemetry-clean not found' },
    });

    const result = await processBatch(records, ports, SETTINGS);

    expect(result.response.batchItemFailures).toEqual(sequences([records[0]!, records[2]!]));
    expect([...quarantine.keys()]).toEqual([records[1]!.kinesis.sequenceNumber]);
  });

  it('hands a poison record back for retry when the quarantine cannot store it, so nothing is lost', async () => {
    const records = [kinesisRecord(0, { json: rawReading() }), kinesisRecord(1, { text: '{' })];
    const { ports } = fakePorts({ quarantineFails: true });

    const result = await processBatch(records, ports, SETTINGS);

    expect(result.response.batchItemFailures).toEqual(sequences([records[1]!]));
    expect(result.summary).toEqual({ received: 2, published: 1, quarantined: 0, retry: 1 });
    expect(result.failures).toEqual([{ sequenceNumber: records[1]!.kinesis.sequenceNumber, reason: 'quarantine write failed' }]);
  });

  it('judges the future against when the record arrived, so a replay days later gets the same answer', async () => {
    const record = kinesisRecord(0, { json: rawReading({ StatusTime: '2026-11-21T10:05:00Z' }) }, { arrivalMs: ARRIVAL_MS });
    const { ports, stream } = fakePorts();
    const later = { ...ports, now: () => new Date(ARRIVAL_MS + 3 * 86_400_000) };

    const result = await processBatch([record], later, SETTINGS);

    expect(result.summary.published).toBe(1);
    expect(stream).toHaveLength(1);
  });

  it('falls back to the clock when a record has no arrival time', async () => {
    const records = ['2026-11-21T12:04:00Z', '2026-11-21T12:06:00Z'].map((StatusTime, i) =>
      kinesisRecord(i, { json: rawReading({ StatusTime }) }, { arrivalMs: Number.NaN }),
    );
    const { ports, quarantine } = fakePorts();

    const result = await processBatch(records, ports, SETTINGS);

    expect(result.summary).toMatchObject({ published: 1, quarantined: 1 });
    expect(quarantine.get(records[1]!.kinesis.sequenceNumber)!.detail).toMatch(/later than 2026-11-21T12:05:00.000Z/);
  });

  it('answers an empty batch without calling Kinesis or S3', async () => {
    const { ports, calls } = fakePorts();

    const result = await processBatch([], ports, SETTINGS);

    expect(result.response).toEqual({ batchItemFailures: [] });
    expect(calls).toEqual({ publish: 0, quarantine: 0 });
  });
});
