import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { createTable, findFreePort, startEmulators } from '@wildrydes/emulators';
import { eventbridgeConsumer, READ_MODEL_TABLE_NAME } from '../../infra/declaration.js';
import type { ConsumeResult } from '../../src/consume-event.js';
import { readFleetState } from '../../src/read-fleet-state.js';
import { RideMarkerItemSchema } from '../../src/read-model.js';
import { eventBridgeEvent, rideCompleted, unicornHealthLow, unicornHealthRestored } from '../support/events.js';

type Handler = (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<ConsumeResult>;

const BUNDLE = fileURLToPath(new URL('../../../../dist/apps/eventbridge-consumer/index.mjs', import.meta.url));
const TABLE = READ_MODEL_TABLE_NAME;

let emulators: Awaited<ReturnType<typeof startEmulators>>;
let dynamodb: DynamoDBClient;
let handler: Handler;

/** A Lambda context whose remaining time runs down from `remainingMs`, as a real invocation's does. */
const context = (remainingMs = 20_000): Context => {
  const endsAt = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()) } as Context;
};

const ride = (rideId: string, unicorn: string, distanceMetres: number, eventId?: string) =>
  eventBridgeEvent('RideCompleted@1', rideCompleted({ rideId, unicorn, distanceMetres, ...(eventId ? { eventId } : {}) }));
const alert = (unicorn: string, statusTime: string, healthPoints: number, eventId?: string) =>
  eventBridgeEvent('UnicornHealthLow@1', unicornHealthLow({ unicorn, statusTime, healthPoints, ...(eventId ? { eventId } : {}) }));

const low = (unicorn: string, statusTime: string, revision?: string, healthPoints = 7) =>
  eventBridgeEvent('UnicornHealthLow@1', unicornHealthLow({ unicorn, statusTime, healthPoints, ...(revision ? { revision, eventId: `low-${statusTime}-${revision}` } : {}) }));
const restored = (unicorn: string, statusTime: string, revision: string, healthPoints = 45) =>
  eventBridgeEvent('UnicornHealthRestored@1', unicornHealthRestored({ unicorn, statusTime, revision, healthPoints }));

/** Loads the deployable bundle as a fresh module instance, so it reads the env it is given now. */
async function loadHandler(env: Record<string, string>, instance: string): Promise<Handler> {
  Object.assign(process.env, env);
  const module = (await import(`${pathToFileURL(BUNDLE).href}?instance=${instance}`)) as { handler: Handler };
  return module.handler;
}

/** Every item of a unicorn's partition: its state and its ride markers. */
async function partition(unicorn: string) {
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `UNICORN#${unicorn}` } },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => unmarshall(item));
}

async function tableItems() {
  const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item));
}

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error('dist/apps/eventbridge-consumer/index.mjs is missing: run `npx nx run eventbridge-consumer:build` (nx test does it for you)');
  }
  emulators = await startEmulators({ dynamodb: true });
  Object.assign(process.env, emulators.env);
  dynamodb = new DynamoDBClient({});
  // The read model exactly as the consumer's stack declares it.
  for (const table of eventbridgeConsumer.ownedTables) await createTable(dynamodb, table);
  // Warnings and errors only: the applied events would flood the test output.
  handler = await loadHandler({ READ_MODEL_TABLE_NAME: TABLE, POWERTOOLS_LOG_LEVEL: 'WARN' }, 'main');
});

afterAll(async () => {
  await emulators?.stop();
});

describe('eventbridge-consumer against DynamoDB Local', () => {
  it('counts two completed rides of a unicorn and sums their distances exactly', async () => {
    // Act
    const first = await handler(ride('ride-1', 'Shadowfax', 1_250.5), context());
    const second = await handler(ride('ride-2', 'Shadowfax', 749.25), context());

    // Assess
    expect([first.outcome, second.outcome]).toEqual(['applied', 'applied']);
    expect(await readFleetState(dynamodb, TABLE, 'Shadowfax')).toEqual({
      unicorn: 'Shadowfax',
      ridesCompleted: 2,
      distanceMetres: 1_999.75,
      healthStatus: 'OK',
    });
    const markers = (await partition('Shadowfax')).filter((item) => item['itemType'] === 'RIDE').map((item) => RideMarkerItemSchema.parse(item));
    expect(markers.map(({ rideId, eventId, distanceMetres }) => ({ rideId, eventId, distanceMetres }))).toEqual([
      { rideId: 'ride-1', eventId: 'ride-completed-ride-1', distanceMetres: 1_250.5 },
      { rideId: 'ride-2', eventId: 'ride-completed-ride-2', distanceMetres: 749.25 },
    ]);
  });

  it('changes nothing when the same event is delivered again, or the same ride comes in another event', async () => {
    // Prepare
    await handler(ride('ride-1', 'Replayed', 500), context());
    const before = await partition('Replayed');

    // Act
    const replay = await handler(ride('ride-1', 'Replayed', 500), context());
    const sameRideOtherEvent = await handler(ride('ride-1', 'Replayed', 999, 'a-different-event-id'), context());

    // Assess
    expect(replay).toMatchObject({ outcome: 'duplicate' });
    expect(replay).not.toHaveProperty('conflictingEventId');
    expect(sameRideOtherEvent).toMatchObject({ outcome: 'duplicate', conflictingEventId: 'ride-completed-ride-1' });
    expect(await partition('Replayed')).toEqual(before);
  });

  it('keeps the newer health alert when an older one arrives late, and a replay changes nothing', async () => {
    // Prepare
    const newer = alert('Rocinante', '2026-11-21T10:05:00.000Z', 7);
    const older = alert('Rocinante', '2026-11-21T10:00:00.000Z', 15);

    // Act
    const outcomes = [await handler(newer, context()), await handler(older, context()), await handler(newer, context())];

    // Assess
    expect(outcomes.map(({ outcome }) => outcome)).toEqual(['applied', 'superseded', 'duplicate']);
    expect(await readFleetState(dynamodb, TABLE, 'Rocinante')).toEqual({
      unicorn: 'Rocinante',
      ridesCompleted: 0,
      distanceMetres: 0,
      healthStatus: 'LOW',
      lastHealthAt: '2026-11-21T10:05:00.000Z',
      lastAlert: { eventId: 'health-Rocinante-2026-11-21T10:05:00.000Z', statusTime: '2026-11-21T10:05:00.000Z', healthPoints: 7, threshold: 20 },
    });
  });

  it('keeps alerts and rides of the same unicorn apart: a ride after an alert leaves the alert, and the reverse', async () => {
    await handler(ride('ride-1', 'Pegasus', 100), context());
    await handler(alert('Pegasus', '2026-11-21T10:00:00.000Z', 3), context());
    await handler(ride('ride-2', 'Pegasus', 50), context());

    expect(await readFleetState(dynamodb, TABLE, 'Pegasus')).toMatchObject({
      ridesCompleted: 2,
      distanceMetres: 150,
      healthStatus: 'LOW',
      lastAlert: { healthPoints: 3 },
    });
  });

  it('reaches the same state whatever order the events arrive in, duplicates included', async () => {
    // Prepare: rides, alerts (two of them for the same reading) and replays, in two different orders.
    const events = (unicorn: string) => [
      ride('ride-a', unicorn, 10.1),
      ride('ride-b', unicorn, 20.2),
      ride('ride-c', unicorn, 30.3),
      alert(unicorn, '2026-11-21T10:00:00.000Z', 18, 'alert-1'),
      alert(unicorn, '2026-11-21T10:01:00.000Z', 11, 'alert-2a'),
      alert(unicorn, '2026-11-21T10:01:00.000Z', 12, 'alert-2b'),
    ];
    const forward = [...events('Forward'), ...events('Forward')];
    const backward = [...events('Backward'), ...events('Backward')].reverse();

    // Act
    for (const event of forward) await handler(event, context());
    for (const event of backward) await handler(event, context());

    // Assess
    const forwardState = await readFleetState(dynamodb, TABLE, 'Forward');
    const backwardState = await readFleetState(dynamodb, TABLE, 'Backward');
    expect(forwardState).toMatchObject({ ridesCompleted: 3, distanceMetres: 60.6, lastAlert: { eventId: 'alert-2b', healthPoints: 12 } });
    expect({ ...backwardState, unicorn: 'Forward' }).toEqual(forwardState);
  });

  it('counts every ride when many arrive at once for the same unicorn', async () => {
    const rides = Array.from({ length: 20 }, (_, i) => ride(`ride-${i}`, 'Busy', 1 + i));

    const results = await Promise.all(rides.map((event) => handler(event, context())));

    expect(results.every(({ outcome }) => outcome === 'applied')).toBe(true);
    expect(await readFleetState(dynamodb, TABLE, 'Busy')).toMatchObject({ ridesCompleted: 20, distanceMetres: 210 });
  });

  it('writes nothing and does not throw for events it does not own or cannot read, and logs each one whole', async () => {
    // Prepare
    const before = await tableItems();
    const notOwned = eventBridgeEvent('RideRequested@1');
    const invalid = eventBridgeEvent('RideCompleted@1', { ...rideCompleted({ rideId: 'ride-x', unicorn: 'Ghost' }), distanceMetres: 'far' });
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    };
    const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];

    // Act
    const results = await Promise.all([handler(notOwned, context()), handler(invalid, context())]).finally(() => {
      for (const spy of spies) spy.mockRestore();
    });

    // Assess
    expect(results).toMatchObject([
      { outcome: 'rejected', reason: 'NOT_OWNED' },
      { outcome: 'rejected', reason: 'SCHEMA_VIOLATION' },
    ]);
    expect(await tableItems()).toEqual(before);
    // The stack's metric filter counts these lines: `{ $.outcome = "rejected" }`.
    const logged = lines.flatMap((line) => line.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(logged).toMatchObject([
      { level: 'ERROR', outcome: 'rejected', reason: 'NOT_OWNED', event: notOwned },
      { level: 'ERROR', outcome: 'rejected', reason: 'SCHEMA_VIOLATION', detail: 'distanceMetres: Invalid input: expected number, received string', event: invalid },
    ]);
  });

  it('throws a retryable error when DynamoDB is unreachable, so Lambda retries the event', async () => {
    // Prepare: a consumer instance whose DynamoDB endpoint refuses connections, and an invocation
    // whose clock is the test's: every time the consumer asks, 500 ms more have gone by, so its
    // deadline (1 s margin) comes after a fixed number of questions however busy the machine is.
    const closedPort = await findFreePort();
    const saved = process.env['AWS_ENDPOINT_URL_DYNAMODB'];
    const unreachable = await loadHandler(
      { READ_MODEL_TABLE_NAME: TABLE, AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${closedPort}` },
      'no-dynamodb',
    );
    let asked = 0;
    const steppedContext = { getRemainingTimeInMillis: () => Math.max(0, 3_000 - 500 * asked++) } as Context;

    // Act (the SDK reads the endpoint variable at its first request, so restore it only afterwards)
    const attempt = unreachable(ride('ride-1', 'Unlucky', 10), steppedContext).finally(() => {
      process.env['AWS_ENDPOINT_URL_DYNAMODB'] = saved;
    });

    // Assess: it gave up by itself, because its deadline came, and said so.
    await expect(attempt).rejects.toMatchObject({
      name: 'RetryableEventError',
      message: expect.stringMatching(/^RideCompleted ride-completed-ride-1: DeadlineReached: .* after \d+ attempt\(s\)$/),
    });
    expect(await partition('Unlucky')).toEqual([]);
  });

  it('refuses a ride no counter could take, and every later ride of that unicorn still counts', async () => {
    // Prepare: 9e125 is storable alone, but a second one would overflow the counter's ADD
    // (DynamoDB numbers stay below 1E+126), and 9e125 + 10 needs 125 significant digits (38 allowed).
    const events = [ride('ride-huge-1', 'Overflow', 9e125), ride('ride-huge-2', 'Overflow', 9e125), ride('ride-ok', 'Overflow', 10)];

    // Act
    const results = [];
    for (const event of events) results.push(await handler(event, context()));

    // Assess
    expect(results.map((result) => [result.outcome, 'reason' in result ? result.reason : undefined])).toEqual([
      ['rejected', 'SCHEMA_VIOLATION'],
      ['rejected', 'SCHEMA_VIOLATION'],
      ['applied', undefined],
    ]);
    expect(await readFleetState(dynamodb, TABLE, 'Overflow')).toMatchObject({ ridesCompleted: 1, distanceMetres: 10 });
  });

  it('keeps a long-running counter storable: the most precise ride adds millimetres, not 17 significant digits', async () => {
    // Prepare: a counter with 36 significant digits, as exact as DynamoDB keeps it, and a ride whose
    // distance has 17 (0.1 + 0.2). Added exactly, the sum would need 49 digits; DynamoDB allows 38.
    await dynamodb.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: {
          pk: { S: 'UNICORN#Veteran' },
          sk: { S: 'STATE' },
          itemType: { S: 'FLEET_STATE' },
          unicorn: { S: 'Veteran' },
          ridesCompleted: { N: '1000' },
          distanceMetres: { N: '123456789012345678901234567890123.125' },
          healthStatus: { S: 'OK' },
        },
      }),
    );

    // Act
    const result = await handler(ride('ride-precise', 'Veteran', 0.1 + 0.2), context());

    // Assess
    expect(result.outcome).toBe('applied');
    const { Item } = await dynamodb.send(
      new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'UNICORN#Veteran' }, sk: { S: 'STATE' } }, ConsistentRead: true }),
    );
    expect(Item?.['distanceMetres']).toEqual({ N: '123456789012345678901234567890123.425' });
    expect(Item?.['ridesCompleted']).toEqual({ N: '1001' });
  });

  it('recovers: a healthy reading after a low one sets the health back to OK, and a late older alert does not undo it', async () => {
    // Act
    const outcomes = [];
    for (const event of [
      low('Phoenix', '2026-11-21T10:00:00.000Z', '100000000000000000001'),
      restored('Phoenix', '2026-11-21T10:00:01.000Z', '100000000000000000002'),
      low('Phoenix', '2026-11-21T09:59:59.000Z', '100000000000000000003'),
      restored('Phoenix', '2026-11-21T10:00:01.000Z', '100000000000000000002'),
    ]) {
      outcomes.push((await handler(event, context())).outcome);
    }

    // Assess
    expect(outcomes).toEqual(['applied', 'applied', 'superseded', 'duplicate']);
    const state = await readFleetState(dynamodb, TABLE, 'Phoenix');
    expect(state).toMatchObject({
      healthStatus: 'OK',
      lastHealthAt: '2026-11-21T10:00:01.000Z',
      lastRecovery: { statusTime: '2026-11-21T10:00:01.000Z', healthPoints: 45, threshold: 20 },
    });
    expect(state).not.toHaveProperty('lastAlert');
  });

  it('orders two observations of the same reading by revision, as numbers: the later correction wins in any order', async () => {
    // Prepare: a reading low at revision 99999999999999999999 (20 digits), corrected to healthy at
    // 100000000000000000000 (21 digits: later, though smaller as a string), then low again.
    const t = '2026-11-21T10:00:00.000Z';
    const first = low('Chameleon', t, '99999999999999999999');
    const corrected = restored('Chameleon', t, '100000000000000000000');
    const again = low('Chameleon', t, '100000000000000000007');

    // Act + Assess: corrected beats first, in both orders...
    await handler(corrected, context());
    expect((await handler(first, context())).outcome).toBe('superseded');
    expect(await readFleetState(dynamodb, TABLE, 'Chameleon')).toMatchObject({ healthStatus: 'OK' });
    // ...and the last correction beats both.
    expect((await handler(again, context())).outcome).toBe('applied');
    expect(await readFleetState(dynamodb, TABLE, 'Chameleon')).toMatchObject({ healthStatus: 'LOW', lastHealthAt: t });
  });

  it('reaches the same health whatever order alerts and recoveries arrive in, replays included', async () => {
    // Prepare
    const events = (unicorn: string) => [
      low(unicorn, '2026-11-21T10:00:00.000Z', '100000000000000000001'),
      restored(unicorn, '2026-11-21T10:00:02.000Z', '100000000000000000004'),
      low(unicorn, '2026-11-21T10:00:01.000Z', '100000000000000000003'),
      restored(unicorn, '2026-11-21T10:00:02.000Z', '100000000000000000003'),
      low(unicorn, '2026-11-21T10:00:02.000Z', '100000000000000000002'),
    ];

    // Act
    for (const event of [...events('Order-A'), ...events('Order-A')]) await handler(event, context());
    for (const event of [...events('Order-B'), ...events('Order-B')].reverse()) await handler(event, context());

    // Assess: the reading at 10:00:02 was low, then corrected to healthy (revision 4 is the latest).
    const a = await readFleetState(dynamodb, TABLE, 'Order-A');
    const b = await readFleetState(dynamodb, TABLE, 'Order-B');
    expect(a).toMatchObject({ healthStatus: 'OK', lastHealthAt: '2026-11-21T10:00:02.000Z' });
    const sameUnicorn = JSON.parse(JSON.stringify(b).replaceAll('Order-B', 'Order-A')) as unknown;
    expect(sameUnicorn).toEqual(a);
  });
});
