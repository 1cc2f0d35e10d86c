import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPortFree, PortInUseError, startEventBridge, type RunningEventBridge } from '../../src/index';
import { occupyPort } from './helpers';

async function post(endpoint: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: unknown; errorType: string | null }> {
  const response = await fetch(endpoint, { method: 'POST', body, headers: { 'Content-Type': 'application/x-amz-json-1.1', ...headers } });
  return { status: response.status, json: await response.json(), errorType: response.headers.get('x-amzn-errortype') };
}

describe('EventBridge emulator: AWS JSON 1.1 protocol', () => {
  let eventbridge: RunningEventBridge;

  beforeEach(async () => {
    eventbridge = await startEventBridge();
  });

  afterEach(async () => {
    await eventbridge.stop();
  });

  it('answers an operation named in X-Amz-Target with a JSON 1.1 body', async () => {
    // Act
    const response = await fetch(eventbridge.endpoint, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.DescribeEventBus' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await response.json()).toMatchObject({ Name: 'default', Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default' });
  });

  it('answers errors as { __type, message } with the matching status and X-Amzn-ErrorType', async () => {
    // Act
    const unknown = await post(eventbridge.endpoint, '{}', { 'X-Amz-Target': 'AWSEvents.StartReplay' });
    const noTarget = await post(eventbridge.endpoint, '{}', {});
    const badJson = await post(eventbridge.endpoint, '{"Entries": [', { 'X-Amz-Target': 'AWSEvents.PutEvents' });
    const missingEntries = await post(eventbridge.endpoint, '{}', { 'X-Amz-Target': 'AWSEvents.PutEvents' });

    // Assess
    expect(unknown).toMatchObject({ status: 400, errorType: 'UnknownOperationException', json: { __type: 'UnknownOperationException' } });
    expect(noTarget).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    expect(badJson).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    expect(missingEntries).toMatchObject({
      status: 400,
      json: { __type: 'ValidationException', message: expect.stringContaining("Value null at 'entries'") },
    });
  });

  it('logs every call that reaches an operation, with the error code of those that failed, and no others', async () => {
    // Prepare
    const entry = { Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-1"}', Time: 1_795_255_200 };
    eventbridge.failNextRequests({ count: 1, errorCode: 'ThrottlingException', operation: 'PutEvents' });

    // Act
    const throttled = await post(eventbridge.endpoint, JSON.stringify({ Entries: [entry] }), { 'X-Amz-Target': 'AWSEvents.PutEvents' });
    await post(eventbridge.endpoint, JSON.stringify({ Entries: [entry, entry] }), { 'X-Amz-Target': 'AWSEvents.PutEvents' });
    await post(eventbridge.endpoint, '{"Entries": [', { 'X-Amz-Target': 'AWSEvents.PutEvents' });
    await post(eventbridge.endpoint, '{}', { 'X-Amz-Target': 'AWSEvents.StartReplay' });
    await post(eventbridge.endpoint, '{}', { 'X-Amz-Target': 'AWSEvents.ListEventBuses' });

    // Assess
    expect(throttled).toMatchObject({ status: 400, errorType: 'ThrottlingException' });
    expect(eventbridge.requests().map(({ operation, entries, errorCode }) => ({ operation, entries: entries.length, errorCode }))).toEqual([
      { operation: 'PutEvents', entries: 1, errorCode: 'ThrottlingException' },
      { operation: 'PutEvents', entries: 2, errorCode: undefined },
      { operation: 'ListEventBuses', entries: 0, errorCode: undefined },
    ]);
    expect(eventbridge.requests('PutEvents')[1]?.entries[0]).toEqual({ ...entry, Time: new Date('2026-11-21T10:00:00.000Z') });
  });

  it('listens on the port asked for, refuses a taken one, and frees its port on stop', async () => {
    // Prepare
    const taken = await occupyPort();

    try {
      // Act
      const error = await startEventBridge({ port: taken.port }).catch((caught: unknown) => caught);
      await eventbridge.stop();
      const again = await startEventBridge({ port: eventbridge.port });

      // Assess
      expect(error).toBeInstanceOf(PortInUseError);
      expect(again.endpoint).toBe(`http://127.0.0.1:${eventbridge.port}`);
      await again.stop();
      await again.stop();
      expect(await isPortFree(eventbridge.port)).toBe(true);
    } finally {
      await taken.release();
    }
  });

  it('rejects invalid options before taking a port', async () => {
    await expect(startEventBridge({ accountId: '42' })).rejects.toThrow(/accountId must be 12 digits/);
    await expect(startEventBridge({ retryBaseDelayMs: -1 })).rejects.toThrow(/retryBaseDelayMs/);
    await expect(startEventBridge({ maxEntryBytes: 0 })).rejects.toThrow(/maxEntryBytes/);
    await expect(startEventBridge({ port: 70_000 })).rejects.toThrow(RangeError);
  });
});
