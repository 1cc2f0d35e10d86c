import { describe, expect, it } from 'vitest';
import { processBatch } from '../../src/process-batch.js';
import { fakePorts } from './fake-ports.js';
import { kinesisRecord, rawReading } from './kinesis-records.js';

const SETTINGS = { functionName: 'kinesis-republisher', maxClockSkewMs: 300_000 };

// DynamoDB numbers have a magnitude of at least 1E-130 (DynamoDB developer guide, "Supported data
// types and naming rules"): the writer's BatchWriteItem would fail such a reading for good with
// "Number underflow", so it must not get past the re-publisher.
describe('numbers the table cannot store', () => {
  it('quarantines a reading with Distance 1e-200 with a reason naming the field, and publishes the others', async () => {
    // Prepare
    const records = [kinesisRecord(0, { json: rawReading({ Distance: 1e-200 }) }), kinesisRecord(1, { json: rawReading({ Name: 'Rocinante' }) })];
    const { ports, stream, quarantine } = fakePorts();

    // Act
    const result = await processBatch(records, ports, SETTINGS);

    // Assess
    expect(result.response.batchItemFailures).toEqual([]);
    expect(result.summary).toEqual({ received: 2, published: 1, quarantined: 1, retry: 0 });
    expect(stream.map(({ partitionKey }) => partitionKey)).toEqual(['Rocinante']);
    expect([...quarantine.values()].map(({ origin, reason, detail }) => [origin.sequenceNumber, reason, detail])).toEqual([
      [
        '49000000000',
        'SCHEMA_VIOLATION',
        'Distance: Invalid number: DynamoDB stores only 0 or magnitudes from 1e-130 to below 1e126 with at most 38 significant digits (given 1e-200)',
      ],
    ]);
  });
});
