import { ListEventBusesCommand, PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventBridgeOptionsError, startEventBridge, type RunningEventBridge } from '../../src/index';
import { eventBridgeClient, rideEntry, rideIds } from './eventbridge-helpers';

describe('EventBridge emulator: fault injection', () => {
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

  it('fails the entries a fault matches with per-entry codes and a partial FailedEntryCount', async () => {
    // Prepare
    const entries = ['r-1', 'r-2', 'r-3', 'r-4', 'r-5'].map((rideId) => rideEntry(rideId));
    eventbridge.failNext({ count: 1, errorCode: 'ThrottlingException', match: (entry) => entry.Detail?.includes('"r-2"') ?? false });
    eventbridge.failNext({ count: 1, errorCode: 'InternalFailure', errorMessage: 'Internal Service Failure', match: (entry) => entry.Detail?.includes('"r-4"') ?? false });

    // Act
    const first = await client.send(new PutEventsCommand({ Entries: entries }));
    const resent = await client.send(new PutEventsCommand({ Entries: [entries[1]!, entries[3]!] }));

    // Assess
    expect(first.FailedEntryCount).toBe(2);
    expect(first.Entries![1]).toEqual({ ErrorCode: 'ThrottlingException', ErrorMessage: 'Injected failure: ThrottlingException' });
    expect(first.Entries![3]).toEqual({ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal Service Failure' });
    expect(resent.FailedEntryCount).toBe(0);
    expect(rideIds(eventbridge.published())).toEqual(['r-1', 'r-3', 'r-5', 'r-2', 'r-4']);
  });

  it('fails the next `count` valid entries across requests; invalid entries consume nothing', async () => {
    // Prepare
    eventbridge.failNext({ count: 3, errorCode: 'ThrottlingException' });

    // Act
    const first = await client.send(new PutEventsCommand({ Entries: [rideEntry('bad', { Detail: '[]' }), rideEntry('r-1'), rideEntry('r-2')] }));
    const second = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-3'), rideEntry('r-4')] }));

    // Assess
    expect(first.Entries!.map((entry) => entry.ErrorCode)).toEqual(['MalformedDetail', 'ThrottlingException', 'ThrottlingException']);
    expect(second.Entries!.map((entry) => entry.ErrorCode)).toEqual(['ThrottlingException', undefined]);
    expect(second.FailedEntryCount).toBe(1);
    expect(rideIds(eventbridge.published())).toEqual(['r-4']);
  });

  it('fails whole calls of one operation with the injected error and status', async () => {
    // Prepare
    eventbridge.failNextRequests({ count: 1, errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded', operation: 'PutEvents' });
    eventbridge.failNextRequests({ count: 1, errorCode: 'InternalException', operation: 'PutEvents' });

    // Act
    const listed = await client.send(new ListEventBusesCommand({}));
    const throttled = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] })).catch((error: unknown) => error);
    const internal = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] })).catch((error: unknown) => error);
    const accepted = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));

    // Assess
    expect(listed.EventBuses).toHaveLength(1);
    expect(throttled).toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
    expect(internal).toMatchObject({ name: 'InternalException', $metadata: { httpStatusCode: 500 } });
    expect(accepted.FailedEntryCount).toBe(0);
    expect(rideIds(eventbridge.published())).toEqual(['r-1']);
  });

  it('lets the SDK retry an injected throttled call on its own', async () => {
    // Prepare
    const retryingClient = eventBridgeClient(eventbridge.endpoint, 3);
    eventbridge.failNextRequests({ count: 1, errorCode: 'ThrottlingException' });

    try {
      // Act
      const result = await retryingClient.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));

      // Assess
      expect(result.FailedEntryCount).toBe(0);
      expect(result.$metadata.attempts).toBe(2);
    } finally {
      retryingClient.destroy();
    }
  });

  it('drops queued faults on clearFaults and rejects impossible ones', () => {
    // Prepare
    eventbridge.failNext({ count: 2, errorCode: 'ThrottlingException' });

    // Act
    eventbridge.clearFaults();

    // Assess
    expect(() => eventbridge.failNext({ count: 0, errorCode: 'ThrottlingException' })).toThrow(InvalidEventBridgeOptionsError);
    expect(() => eventbridge.failNext({ count: 1, errorCode: '' })).toThrow(/errorCode/);
    expect(() => eventbridge.failNextRequests({ count: 1, errorCode: 'X', statusCode: 200 })).toThrow(/statusCode/);
    return expect(client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }))).resolves.toMatchObject({ FailedEntryCount: 0 });
  });
});
