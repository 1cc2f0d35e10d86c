import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ENTRY_BYTES, startEventBridge, type RunningEventBridge } from '../../src/index';
import { eventBridgeClient, rideEntry, rideIds } from './eventbridge-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An entry of exactly `bytes` bytes as AWS counts them (Source + DetailType + Detail, no Time). */
function entryOfSize(bytes: number, rideId: string): { Source: string; DetailType: string; Detail: string } {
  const base = rideEntry(rideId, { Detail: JSON.stringify({ rideId, pad: '' }) });
  const fixed = Buffer.byteLength(`${base.Source}${base.DetailType}${base.Detail}`);
  return { Source: base.Source!, DetailType: base.DetailType!, Detail: JSON.stringify({ rideId, pad: 'x'.repeat(bytes - fixed) }) };
}

describe('EventBridge emulator: PutEvents over HTTP with the SDK v3 client', () => {
  let eventbridge: RunningEventBridge;
  let client: EventBridgeClient;

  beforeEach(async () => {
    eventbridge = await startEventBridge();
    client = eventBridgeClient(eventbridge.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await eventbridge.stop();
  });

  it('accepts entries and records each with the full EventBridge envelope', async () => {
    // Prepare
    const time = new Date('2026-11-21T10:00:00.750Z');
    const resources = ['arn:aws:dynamodb:us-east-1:000000000000:table/UnicornSensorData'];

    // Act
    const result = await client.send(
      new PutEventsCommand({ Entries: [rideEntry('r-1', { Time: time, Resources: resources }), rideEntry('r-2')] }),
    );

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries).toHaveLength(2);
    const [first, second] = eventbridge.published();
    expect(first).toEqual({
      version: '0',
      id: result.Entries![0]!.EventId,
      'detail-type': 'RideCompleted',
      source: 'wildrydes.rides',
      account: '000000000000',
      time: '2026-11-21T10:00:00Z',
      region: 'us-east-1',
      resources,
      detail: { rideId: 'r-1', fare: 12.5 },
    });
    expect(first!.id).toMatch(UUID);
    expect(second!.id).toBe(result.Entries![1]!.EventId);
    expect(second!.id).not.toBe(first!.id);
    expect(second!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(second!.time) - Date.now())).toBeLessThan(5_000);
    expect(second!.resources).toEqual([]);
  });

  it('uses the configured account and region in envelopes', async () => {
    // Prepare
    const custom = await startEventBridge({ accountId: '123456789012', region: 'eu-west-1' });
    const customClient = eventBridgeClient(custom.endpoint);

    try {
      // Act
      await customClient.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));

      // Assess
      expect(custom.published()[0]).toMatchObject({ account: '123456789012', region: 'eu-west-1' });
    } finally {
      customClient.destroy();
      await custom.stop();
    }
  });

  it('rejects a request of 11 entries, or of none, as a whole with ValidationException', async () => {
    // Prepare
    const eleven = Array.from({ length: 11 }, (_, index) => rideEntry(`r-${index}`));

    // Act
    const tooMany = await client.send(new PutEventsCommand({ Entries: eleven })).catch((error: unknown) => error);
    const none = await client.send(new PutEventsCommand({ Entries: [] })).catch((error: unknown) => error);

    // Assess
    expect(tooMany).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect((tooMany as Error).message).toContain('less than or equal to 10');
    expect(none).toMatchObject({ name: 'ValidationException' });
    expect((none as Error).message).toContain('greater than or equal to 1');
    expect(eventbridge.published()).toEqual([]);
  });

  it('fails invalid entries one by one and accepts the valid ones of the same request', async () => {
    // Prepare
    const entries = [
      rideEntry('r-1'),
      { Source: 'wildrydes.rides', DetailType: 'RideCompleted' },
      rideEntry('r-3', { Detail: '[1, 2]' }),
      rideEntry('r-4', { Detail: '"just a string"' }),
      rideEntry('r-5', { Detail: '{not json' }),
      { DetailType: 'RideCompleted', Detail: '{}' },
      rideEntry('r-7', { DetailType: '' }),
      rideEntry('r-8', { Source: 'aws.ec2' }),
      rideEntry('r-9'),
    ];

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: entries }));

    // Assess
    expect(result.FailedEntryCount).toBe(7);
    const codes = result.Entries!.map((entry) => entry.ErrorCode ?? 'ok');
    expect(codes).toEqual([
      'ok',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'MalformedDetail',
      'InvalidArgument',
      'InvalidArgument',
      'NotAuthorizedForSourceException',
      'ok',
    ]);
    expect(result.Entries![1]!.ErrorMessage).toBe('Parameter Detail is not valid. Reason: Detail is a required argument.');
    expect(result.Entries![5]!.ErrorMessage).toContain('Source is a required argument');
    expect(result.Entries![6]!.ErrorMessage).toContain('DetailType is a required argument');
    expect(result.Entries![1]!.EventId).toBeUndefined();
    expect(rideIds(eventbridge.published())).toEqual(['r-1', 'r-9']);
  });

  it('accepts an entry of exactly the size limit and fails the whole request for one byte more, as AWS does (400 ValidationException)', async () => {
    // Prepare
    const atLimit = entryOfSize(DEFAULT_MAX_ENTRY_BYTES, 'at-limit');
    const overLimit = entryOfSize(DEFAULT_MAX_ENTRY_BYTES + 1, 'over-limit');

    // Act
    const accepted = await client.send(new PutEventsCommand({ Entries: [atLimit] }));
    const error = await client.send(new PutEventsCommand({ Entries: [overLimit] })).catch((caught: unknown) => caught);

    // Assess
    expect(accepted.FailedEntryCount).toBe(0);
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
      $metadata: { httpStatusCode: 400 },
    });
    expect(rideIds(eventbridge.published())).toEqual(['at-limit']);
  });

  it('counts Time as 14 bytes and text as UTF-8 bytes, with a configurable limit', async () => {
    // Prepare: 'ü' is 2 bytes in UTF-8; Source + DetailType + Detail = 9 + 4 + 8 = 21 bytes, + 14 for Time.
    const small = await startEventBridge({ maxEntryBytes: 35 });
    const smallClient = eventBridgeClient(small.endpoint);
    const entry = { Source: 'wildrydes', DetailType: 'Ride', Detail: '{"ü":1}' };

    try {
      // Act
      const atLimit = await smallClient.send(new PutEventsCommand({ Entries: [{ ...entry, Time: new Date() }] }));
      const overLimit = await smallClient
        .send(new PutEventsCommand({ Entries: [{ ...entry, Time: new Date(), Resources: ['r'] }] }))
        .catch((caught: unknown) => caught);

      // Assess
      expect(atLimit.FailedEntryCount).toBe(0);
      expect(overLimit).toMatchObject({ name: 'ValidationException' });
    } finally {
      smallClient.destroy();
      await small.stop();
    }
  });

  it('counts the size of entries that fail validation towards the request limit', async () => {
    // Prepare: an entry without DetailType would fail on its own, but its Detail is still over the limit.
    const oversizedInvalid = { Source: 'wildrydes.rides', Detail: JSON.stringify({ pad: 'x'.repeat(DEFAULT_MAX_ENTRY_BYTES) }) };

    // Act
    const error = await client.send(new PutEventsCommand({ Entries: [oversizedInvalid, rideEntry('r-1')] })).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ name: 'ValidationException', message: 'Total size of the entries in the request is over the limit.' });
    expect(eventbridge.published()).toEqual([]);
  });

  it('rejects the whole request when its accepted entries add up to more than the request limit', async () => {
    // Prepare
    const half = entryOfSize(DEFAULT_MAX_ENTRY_BYTES / 2 + 1, 'half');

    // Act
    const error = await client.send(new PutEventsCommand({ Entries: [half, half] })).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ name: 'ValidationException', message: 'Total size of the entries in the request is over the limit.' });
    expect(eventbridge.published()).toEqual([]);
  });

  it('fails entries for a bus that does not exist with ResourceNotFoundException', async () => {
    // Act
    const result = await client.send(
      new PutEventsCommand({ Entries: [rideEntry('r-1', { EventBusName: 'no-such-bus' }), rideEntry('r-2', { EventBusName: 'default' })] }),
    );

    // Assess
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries![0]).toEqual({ ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus no-such-bus does not exist.' });
    expect(rideIds(eventbridge.published('default'))).toEqual(['r-2']);
  });

  it('records events per bus, naming the bus by name or ARN', async () => {
    // Prepare
    const { arn } = eventbridge.createEventBus('rides');

    // Act
    await client.send(
      new PutEventsCommand({
        Entries: [rideEntry('r-1', { EventBusName: 'rides' }), rideEntry('r-2', { EventBusName: arn }), rideEntry('r-3')],
      }),
    );

    // Assess
    expect(rideIds(eventbridge.published('rides'))).toEqual(['r-1', 'r-2']);
    expect(rideIds(eventbridge.published('default'))).toEqual(['r-3']);
    expect(rideIds(eventbridge.published())).toEqual(['r-1', 'r-2', 'r-3']);
  });

  it('notifies subscribers of each accepted event until they unsubscribe', async () => {
    // Prepare
    const seen: Array<[unknown, string]> = [];
    const unsubscribe = eventbridge.subscribe((event, { eventBusName }) => seen.push([event.detail['rideId'], eventBusName]));

    // Act
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1'), rideEntry('bad', { Detail: '[]' })] }));
    unsubscribe();
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-2')] }));

    // Assess
    expect(seen).toEqual([['r-1', 'default']]);
    expect(rideIds(eventbridge.published())).toEqual(['r-1', 'r-2']);
  });
});
