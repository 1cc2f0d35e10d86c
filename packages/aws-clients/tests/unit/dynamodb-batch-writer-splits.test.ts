import {
  BatchWriteItemCommand,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  type AttributeValue,
  type BatchWriteItemCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { batchWriteItems } from '../../src/index.js';
import { fakeTime } from '../support/fake-time.js';
import { randomInt, seededRandom } from '../support/seeded-random.js';
import { serviceError } from '../support/service-errors.js';

const TABLE = 'UnicornSensorData';
const KEY_ATTRIBUTES = ['Name', 'StatusTime'];
const ddbMock = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });

/**
 * Positive numbers range from 1E-130 ("Supported data types and naming rules in Amazon DynamoDB",
 * Number): DynamoDB rejects a Number attribute of 1e-200 for good ("Number underflow").
 */
const UNDERFLOW = 1e-200;
const OVER_400_KB = 'x'.repeat(400 * 1024);

type Reading = { Name: string; StatusTime: string; Seq: number; Distance: number; Blob?: string };

const keyOf = (item: Record<string, AttributeValue>) => JSON.stringify(KEY_ATTRIBUTES.map((name) => item[name]?.S));
const isUnderflow = (request: WriteRequest) => request.PutRequest?.Item?.['Distance']?.N === String(UNDERFLOW);

/**
 * A table that behaves like DynamoDB for what matters here (BatchWriteItem API reference: "DynamoDB
 * rejects the entire batch write operation" when, among others, "your request contains at least
 * two items with identical hash and range keys"): a request with two puts of one key, or with an
 * item it can never store, is rejected whole with ValidationException; requests are throttled,
 * and items left unprocessed, at random.
 */
function fakeTable(random: () => number): Map<string, number> {
  const table = new Map<string, number>();
  ddbMock.reset();
  ddbMock.on(BatchWriteItemCommand).callsFake((request: BatchWriteItemCommandInput) => {
    const requests = request.RequestItems?.[TABLE] ?? [];
    const keys = requests.map((write) => keyOf(write.PutRequest?.Item ?? {}));
    if (new Set(keys).size !== keys.length) throw serviceError('ValidationException', 'Provided list of item keys contains duplicates');
    if (requests.some(isUnderflow)) {
      throw serviceError('ValidationException', 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
    }
    if (random() < 0.05) throw new ProvisionedThroughputExceededException({ message: 'Throughput exceeded', $metadata: {} });
    const unprocessed: WriteRequest[] = [];
    for (const write of requests) {
      const item = write.PutRequest?.Item ?? {};
      if (random() < 0.15) unprocessed.push(write);
      else table.set(keyOf(item), Number(item['Seq']?.N));
    }
    return unprocessed.length === 0 ? {} : { UnprocessedItems: { [TABLE]: unprocessed } };
  });
  return table;
}

/**
 * Delivers `readings` to `batchWriteItems` in consecutive batches cut before the given positions,
 * as a Kinesis event source mapping with ReportBatchItemFailures does: a batch whose result has
 * retryable failures is delivered again from the lowest one. Returns the table (key -> Seq of the
 * stored reading) and the positions that failed for good (the writer's quarantine).
 */
async function deliver(readings: readonly Reading[], cuts: readonly number[], random: () => number) {
  const table = fakeTable(random);
  const quarantined = new Set<number>();
  const bounds = [0, ...cuts, readings.length];
  for (let batch = 0; batch + 1 < bounds.length; batch++) {
    let pending = Array.from({ length: (bounds[batch + 1] as number) - (bounds[batch] as number) }, (_, i) => (bounds[batch] as number) + i);
    for (let delivery = 1; pending.length > 0; delivery++) {
      if (delivery > 100) throw new Error(`batch ${batch} made no progress in 100 deliveries`);
      const time = fakeTime(30_000);
      const result = await batchWriteItems(client, {
        tableName: TABLE,
        keyAttributes: KEY_ATTRIBUTES,
        puts: pending.map((position) => ({ ref: position, item: readings[position] as Reading })),
        deadline: time.deadline,
        sleep: time.sleep,
        random,
        retry: { baseDelayMs: 10, maxDelayMs: 100, maxAttempts: randomInt(random, 1, 4), minCallBudgetMs: 50 },
      });
      for (const failure of result.failed) if (!failure.retryable) quarantined.add(failure.ref);
      const retried = result.failed.filter((failure) => failure.retryable).map((failure) => failure.ref);
      pending = retried.length === 0 ? [] : pending.filter((position) => position >= Math.min(...retried));
    }
  }
  return { table: Object.fromEntries([...table].sort()), quarantined: [...quarantined].sort((a, b) => a - b) };
}

/** A few keys, so that most keys repeat; some readings DynamoDB rejects, some are over 400 KB. */
function randomReadings(random: () => number): Reading[] {
  return Array.from({ length: randomInt(random, 1, 40) }, (_, seq) => {
    const draw = random();
    return {
      Name: `unicorn-${randomInt(random, 0, 2)}`,
      StatusTime: `2026-11-21T10:00:0${randomInt(random, 0, 1)}.000Z`,
      Seq: seq,
      Distance: draw < 0.25 ? UNDERFLOW : 1,
      ...(draw > 0.97 ? { Blob: OVER_400_KB } : {}),
    };
  });
}

function randomCuts(random: () => number, length: number): number[] {
  return Array.from({ length: length - 1 }, (_, i) => i + 1).filter(() => random() < 0.3);
}

/** What writing the readings one at a time, in order, leaves: the last storable reading of each key. */
function oneByOne(readings: readonly Reading[]) {
  const table = new Map<string, number>();
  const quarantined: number[] = [];
  for (const reading of readings) {
    if (reading.Distance === UNDERFLOW || reading.Blob !== undefined) quarantined.push(reading.Seq);
    else table.set(JSON.stringify([reading.Name, reading.StatusTime]), reading.Seq);
  }
  return { table: Object.fromEntries([...table].sort()), quarantined };
}

describe('batchWriteItems: the outcome does not depend on how records are split into batches', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('writes the previous reading of a key when the later one is rejected for good, in one batch as in two', async () => {
    // Prepare: reading A, then a reading B of the same key that DynamoDB rejects ("Number underflow")
    const readings: Reading[] = [
      { Name: 'Shadowfax', StatusTime: '2026-11-21T10:00:00.000Z', Seq: 0, Distance: 12.5 },
      { Name: 'Shadowfax', StatusTime: '2026-11-21T10:00:00.000Z', Seq: 1, Distance: UNDERFLOW },
    ];
    const never = () => 0.99;

    // Act
    const together = await deliver(readings, [], never);
    const apart = await deliver(readings, [1], never);

    // Assess
    expect(together).toEqual({ table: { '["Shadowfax","2026-11-21T10:00:00.000Z"]': 0 }, quarantined: [1] });
    expect(apart).toEqual(together);
  });

  it('leaves the same table and quarantine for one batch and for random splits, over 150 scenarios', async () => {
    for (let seed = 0; seed < 150; seed++) {
      // Prepare
      const random = seededRandom(seed);
      const readings = randomReadings(random);
      const expected = oneByOne(readings);

      // Act
      const together = await deliver(readings, [], random);
      const splits = [];
      for (let split = 0; split < 3; split++) splits.push(await deliver(readings, randomCuts(random, readings.length), random));

      // Assess
      expect(together, `seed ${seed}, one batch`).toEqual(expected);
      for (const [split, outcome] of splits.entries()) expect(outcome, `seed ${seed}, split ${split}`).toEqual(expected);
    }
    // CPU work only (about 3,500 writer runs against the in-memory table): room for a busy machine
  }, 60_000);
});
