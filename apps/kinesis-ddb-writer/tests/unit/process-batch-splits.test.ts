import { BatchWriteItemCommand, DynamoDBClient, type BatchWriteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { KinesisStreamRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchWriteItems, deadlineAt } from '@wildrydes/aws-clients';
import { SENSOR_TABLE_KEY, type QuarantineRecord } from '@wildrydes/schemas';
import { processBatch, type WriterPorts } from '../../src/process-batch.js';
import { kinesisRecord, reading } from './kinesis-records.js';

const TABLE = 'UnicornSensorData';
const ddbMock = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });

/** The HealthPoints value of the readings this stub DynamoDB rejects for good, as it would a Distance of 1e-200. */
const REJECTED_HEALTH_POINTS = 13;

/**
 * The writer's ports on the real batch writer, against a stub DynamoDB that stores items by key
 * and rejects any request holding a rejected reading with ValidationException ("Number
 * underflow"), as DynamoDB does; and an in-memory quarantine.
 */
function writerOn(table: Map<string, number>, quarantine: Map<string, QuarantineRecord>): WriterPorts {
  ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
    const items = (request.RequestItems?.[TABLE] ?? []).map((write) => unmarshall(write.PutRequest?.Item ?? {}));
    if (items.some((item) => item['HealthPoints'] === REJECTED_HEALTH_POINTS)) {
      throw Object.assign(new Error('Number underflow. Attempting to store a number with magnitude smaller than supported range'), {
        name: 'ValidationException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    }
    for (const item of items) table.set(`${item['Name']}|${item['StatusTime']}`, item['MagicPoints'] as number);
    return {};
  });
  return {
    writeItems: (puts) =>
      batchWriteItems(client, {
        tableName: TABLE,
        keyAttributes: [SENSOR_TABLE_KEY.partitionKey, SENSOR_TABLE_KEY.sortKey],
        puts,
        deadline: deadlineAt(Date.now() + 60_000),
      }),
    quarantine: async (records) => {
      for (const record of records) quarantine.set(record.origin.sequenceNumber, record);
      return { failed: [] };
    },
    now: () => new Date('2026-11-21T12:00:00.000Z'),
  };
}

/** Delivers the records in consecutive batches cut before the given positions; returns what the table and the quarantine hold. */
async function deliver(records: readonly KinesisStreamRecord[], cuts: readonly number[]) {
  const table = new Map<string, number>();
  const quarantine = new Map<string, QuarantineRecord>();
  const ports = writerOn(table, quarantine);
  const bounds = [0, ...cuts, records.length];
  for (let batch = 0; batch + 1 < bounds.length; batch++) {
    const report = await processBatch(records.slice(bounds[batch], bounds[batch + 1]), ports, 'kinesis-ddb-writer');
    expect(report.response.batchItemFailures).toEqual([]);
  }
  return {
    table: Object.fromEntries([...table].sort()),
    quarantined: [...quarantine.values()].map((record) => [record.origin.sequenceNumber, record.reason]).sort(),
  };
}

/** Every way of cutting `length` records into consecutive batches, as the cut positions. */
function everySplit(length: number): number[][] {
  const gaps = Array.from({ length: length - 1 }, (_, i) => i + 1);
  return Array.from({ length: 2 ** gaps.length }, (_, mask) => gaps.filter((_, bit) => (mask >> bit) & 1));
}

describe('processBatch on the batch writer: what is stored and quarantined does not depend on batching', () => {
  beforeEach(() => {
    ddbMock.reset();
  });

  afterEach(() => {
    ddbMock.reset();
  });

  it('stores reading A and quarantines only B when DynamoDB rejects B, a later record of the same key, for good', async () => {
    // Prepare
    const records = [
      kinesisRecord(0, { json: reading({ MagicPoints: 1 }) }),
      kinesisRecord(1, { json: reading({ MagicPoints: 2, HealthPoints: REJECTED_HEALTH_POINTS }) }),
    ];
    const table = new Map<string, number>();
    const quarantine = new Map<string, QuarantineRecord>();

    // Act
    const report = await processBatch(records, writerOn(table, quarantine), 'kinesis-ddb-writer');

    // Assess
    expect(report.response).toEqual({ batchItemFailures: [] });
    expect(report.summary).toEqual({ received: 2, stored: 1, quarantined: 1, retry: 0 });
    expect([...table]).toEqual([['Shadowfax|2026-11-21T10:00:00.000Z', 1]]);
    expect([...quarantine.keys()]).toEqual([records[1]!.kinesis.sequenceNumber]);
    expect(quarantine.get(records[1]!.kinesis.sequenceNumber)).toMatchObject({
      reason: 'REJECTED_BY_SINK',
      detail: 'DynamoDB rejected the item: ValidationException: Number underflow. Attempting to store a number with magnitude smaller than supported range',
    });
  });

  it('ends with the same table and quarantine for every way of cutting the records into batches', async () => {
    // Prepare: two keys, each with readings, corrections, rejected readings and a replay
    const at = (second: number) => `2026-11-21T10:00:0${second}.000Z`;
    const records = [
      reading({ StatusTime: at(0), MagicPoints: 1 }),
      reading({ StatusTime: at(0), MagicPoints: 2, HealthPoints: REJECTED_HEALTH_POINTS }),
      reading({ StatusTime: at(1), MagicPoints: 3, HealthPoints: REJECTED_HEALTH_POINTS }),
      reading({ StatusTime: at(1), MagicPoints: 4 }),
      reading({ StatusTime: at(0), MagicPoints: 5 }),
      reading({ StatusTime: at(0), MagicPoints: 5 }),
      reading({ StatusTime: at(1), MagicPoints: 6, HealthPoints: REJECTED_HEALTH_POINTS }),
    ].map((json, sequence) => kinesisRecord(sequence, { json }));
    const expected = {
      table: { [`Shadowfax|${at(0)}`]: 5, [`Shadowfax|${at(1)}`]: 4 },
      quarantined: [1, 2, 6].map((sequence) => [records[sequence]!.kinesis.sequenceNumber, 'REJECTED_BY_SINK']),
    };

    for (const cuts of everySplit(records.length)) {
      // Act
      const outcome = await deliver(records, cuts);

      // Assess
      expect(outcome, `batches cut before ${JSON.stringify(cuts)}`).toEqual(expected);
    }
  });
});
