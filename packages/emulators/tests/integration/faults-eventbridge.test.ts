import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEventBridge, startFaultProxy, type RunningEventBridge, type RunningFaultProxy } from '../../src/index';
import { eventBridgeClient, rideEntry, rideIds } from './eventbridge-helpers';

describe('fault proxy in front of the EventBridge emulator, with the SDK v3 EventBridge client', () => {
  let eventbridge: RunningEventBridge;
  let proxy: RunningFaultProxy;
  let client: EventBridgeClient;

  beforeEach(async () => {
    eventbridge = await startEventBridge();
    proxy = await startFaultProxy({ service: 'eventbridge', target: eventbridge.endpoint, seed: 9 });
    client = eventBridgeClient(proxy.endpoint, 3);
  });

  afterEach(async () => {
    client.destroy();
    await proxy.stop();
    await eventbridge.stop();
  });

  it('throttles with ThrottlingException (JSON 1.1), retried by the SDK; the event is published once', async () => {
    // Prepare
    proxy.failNext('throttle');

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));

    // Assess
    expect(result.$metadata.attempts).toBe(2);
    expect(result.FailedEntryCount).toBe(0);
    expect(rideIds(eventbridge.published())).toEqual(['r-1']);
    expect(eventbridge.requests('PutEvents')).toHaveLength(1);
  });

  it('answers InternalException or ServiceUnavailable, which the SDK retries', async () => {
    // Prepare
    const once = eventBridgeClient(proxy.endpoint, 1);
    proxy.failNext('serverError', 2);

    // Act
    const error = await once.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] })).catch((caught: unknown) => caught);
    const retried = await client.send(new PutEventsCommand({ Entries: [rideEntry('r-2')] }));
    once.destroy();

    // Assess
    expect((error as Error).name).toMatch(/^(InternalException|ServiceUnavailable)$/);
    expect(retried.$metadata.attempts).toBe(2);
    expect(rideIds(eventbridge.published())).toEqual(['r-2']);
  });

  it('fails part of a PutEvents call: FailedEntryCount and per-entry ErrorCode in order, withheld events really not put', async () => {
    // Prepare
    const ids = Array.from({ length: 10 }, (_, index) => `r-${index}`);
    proxy.failNext('partialBatch');

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: ids.map((id) => rideEntry(id)) }));

    // Assess
    const entries = result.Entries ?? [];
    const failed = ids.filter((_, index) => entries[index]?.ErrorCode !== undefined);
    expect(entries).toHaveLength(10);
    expect(failed.length).toBeGreaterThan(0);
    expect(result.FailedEntryCount).toBe(failed.length);
    expect(entries.filter((entry) => entry.ErrorCode !== undefined).every((entry) => ['ThrottlingException', 'InternalFailure'].includes(entry.ErrorCode ?? ''))).toBe(true);
    expect(entries.filter((entry) => entry.ErrorCode === undefined).every((entry) => typeof entry.EventId === 'string')).toBe(true);
    expect(proxy.counts()).toMatchObject({ partialBatch: 1, partialEntries: failed.length });
    expect(rideIds(eventbridge.published())).toEqual(ids.filter((id) => !failed.includes(id)));
  });
});
