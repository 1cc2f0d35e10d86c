import { describe, expect, it } from 'vitest';
import { eventBusArn, resolveEventBusName, ruleArn } from '../../src/eventbridge/arns';
import { formatEventTime, parseEntryTime } from '../../src/eventbridge/event-time';
import { FaultInjector } from '../../src/eventbridge/fault-injection';
import { resolveLocalEventBridgeOptions } from '../../src/eventbridge/options';
import { resolveRetryPolicy, retryDelayMs } from '../../src/eventbridge/retry-policy';
import { InvalidEventBridgeOptionsError } from '../../src/index';
import { LocalEventBridge } from '../../src/eventbridge/local-event-bridge';

const scope = { accountId: '000000000000', region: 'us-east-1' };

describe('EventBridge emulator settings and helpers', () => {
  it('fills in EventBridge retry defaults and rejects values out of range', () => {
    expect(resolveRetryPolicy()).toEqual({ maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 });
    expect(resolveRetryPolicy({ maximumRetryAttempts: 0, maximumEventAgeSeconds: 0.5 })).toEqual({ maximumRetryAttempts: 0, maximumEventAgeSeconds: 0.5 });
    expect(() => resolveRetryPolicy({ maximumRetryAttempts: 186 })).toThrow('between 0 and 185 (given 186)');
    expect(() => resolveRetryPolicy({ maximumRetryAttempts: 1.5 })).toThrow(InvalidEventBridgeOptionsError);
    expect(() => resolveRetryPolicy({ maximumEventAgeSeconds: 86_401 })).toThrow('at most 86400 (given 86401)');
    expect(() => resolveRetryPolicy({ maximumEventAgeSeconds: Number.NaN })).toThrow(InvalidEventBridgeOptionsError);
  });

  it('doubles the retry delay from the base and caps it at 256 times the base', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry, 10))).toEqual([10, 20, 40, 80]);
    expect(retryDelayMs(9, 10)).toBe(2_560);
    expect(retryDelayMs(185, 10)).toBe(2_560);
  });

  it('defaults the emulator options and names a bad one', () => {
    expect(resolveLocalEventBridgeOptions()).toEqual({
      accountId: '000000000000',
      region: 'us-east-1',
      maxEntryBytes: 1_048_576,
      maxRequestBytes: 1_048_576,
      retryBaseDelayMs: 1_000,
      historyLimit: Number.POSITIVE_INFINITY,
    });
    expect(resolveLocalEventBridgeOptions({ maxEntryBytes: 262_144 }).maxRequestBytes).toBe(262_144);
    expect(() => resolveLocalEventBridgeOptions({ region: 'moon' })).toThrow("region must look like 'us-east-1' (given 'moon')");
    expect(() => resolveLocalEventBridgeOptions({ maxRequestBytes: 1.5 })).toThrow('maxRequestBytes must be an integer >= 1 (given 1.5)');
  });

  it('formats event times in whole seconds and reads SDK epoch seconds or ISO text', () => {
    expect(formatEventTime(new Date('2026-11-21T10:00:00.999Z'))).toBe('2026-11-21T10:00:00Z');
    expect(parseEntryTime(1_795_255_200)).toEqual(new Date('2026-11-21T10:00:00Z'));
    expect(parseEntryTime('2026-11-21T10:00:00Z')).toEqual(new Date('2026-11-21T10:00:00Z'));
    expect(parseEntryTime(true)).toBeUndefined();
    expect(parseEntryTime(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('builds ARNs like EventBridge and reads bus names from ARNs', () => {
    expect(eventBusArn(scope, 'rides')).toBe('arn:aws:events:us-east-1:000000000000:event-bus/rides');
    expect(ruleArn(scope, 'default', 'r')).toBe('arn:aws:events:us-east-1:000000000000:rule/r');
    expect(ruleArn(scope, 'rides', 'r')).toBe('arn:aws:events:us-east-1:000000000000:rule/rides/r');
    expect(resolveEventBusName(eventBusArn(scope, 'rides'))).toBe('rides');
    expect(resolveEventBusName(undefined)).toBe('default');
    expect(resolveEventBusName('')).toBe('default');
  });

  it('consumes the oldest applicable fault first and forgets exhausted ones', () => {
    // Prepare
    const faults = new FaultInjector();
    faults.failNext({ count: 1, errorCode: 'A', match: (entry) => entry.Source === 'x' });
    faults.failNext({ count: 2, errorCode: 'B' });

    // Act
    const taken = [{ Source: 'y' }, { Source: 'x' }, { Source: 'x' }, { Source: 'x' }].map((entry) => faults.takeEntryFault(entry)?.errorCode);

    // Assess
    expect(taken).toEqual(['B', 'A', 'B', undefined]);
    expect(faults.pending()).toEqual({ entries: 0, requests: 0 });
  });
});

describe('EventBridge emulator history limit', () => {
  it('forgets the oldest published events and requests beyond historyLimit', () => {
    // Prepare
    const bus = new LocalEventBridge({ historyLimit: 2 });
    const put = (n: number) =>
      bus.handle('PutEvents', { Entries: [{ Source: 'test', DetailType: 'Tick', Detail: JSON.stringify({ n }) }] });

    // Act
    for (const n of [1, 2, 3]) put(n);

    // Assess
    expect(bus.published().map((event) => event.detail['n'])).toEqual([2, 3]);
    expect(bus.requests('PutEvents').map((request) => request.entries.length)).toEqual([1, 1]);
  });

  it('rejects a negative or fractional limit, naming it', () => {
    expect(() => new LocalEventBridge({ historyLimit: -1 })).toThrow('historyLimit must be an integer >= 0 or Infinity (given -1)');
    expect(() => new LocalEventBridge({ historyLimit: 1.5 })).toThrow('historyLimit must be an integer');
  });
});
