import { describe, expect, it } from 'vitest';
import { EventBridgeApiError, LocalEventBridge } from '../../src/index';
import { RequestLog } from '../../src/eventbridge/request-log';

/** What `act` threw (undefined if it returned). */
function errorOf(act: () => unknown): unknown {
  try {
    act();
    return undefined;
  } catch (error) {
    return error;
  }
}

const valid = { Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-1"}' };

describe('RequestLog', () => {
  it('reads PutEvents entries like the SDK describes them, one per wire entry, dropping fields of the wrong type', () => {
    // Prepare
    const log = new RequestLog();

    // Act
    log.record('PutEvents', {
      Entries: [
        { ...valid, Time: 1_795_255_200.5, Resources: ['arn:x'], EventBusName: 'rides', TraceHeader: 'Root=1' },
        { Source: 7, DetailType: 'RideCompleted', Detail: { rideId: 'r-2' }, Resources: [null], Time: 'yesterday' },
        'not an entry',
      ],
    });

    // Assess
    expect(log.list()).toEqual([
      {
        operation: 'PutEvents',
        input: expect.any(Object),
        entries: [
          { ...valid, Time: new Date('2026-11-21T10:00:00.500Z'), Resources: ['arn:x'], EventBusName: 'rides', TraceHeader: 'Root=1' },
          { DetailType: 'RideCompleted' },
          {},
        ],
      },
    ]);
  });

  it('lists calls in arrival order, filtered by operation, as copies neither side can change later', () => {
    // Prepare
    const log = new RequestLog();
    const input = { Entries: [valid] };
    log.record('PutEvents', input);
    log.record('ListEventBuses', {});
    log.record('PutEvents', { Entries: 'not a list' });

    // Act
    input.Entries.push(valid);
    const listed = log.list('PutEvents');
    (listed[0]!.entries as unknown[]).length = 0;

    // Assess
    expect(log.list('PutEvents').map(({ entries }) => entries.length)).toEqual([1, 0]);
    expect(log.list('PutEvents')[0]!.input).toEqual({ Entries: [valid] });
    expect(log.list().map(({ operation }) => operation)).toEqual(['PutEvents', 'ListEventBuses', 'PutEvents']);
    expect(log.list('ListEventBuses')).toEqual([{ operation: 'ListEventBuses', input: {}, entries: [] }]);
  });

  it('records how a call failed, and forgets everything on clear', () => {
    // Prepare
    const log = new RequestLog();
    log.record('PutEvents', { Entries: [valid] }).failedWith('ThrottlingException');

    // Act
    const before = log.list();
    log.clear();

    // Assess
    expect(before[0]?.errorCode).toBe('ThrottlingException');
    expect(log.list()).toEqual([]);
  });
});

describe('LocalEventBridge.requests', () => {
  it('logs every call of an implemented operation with the error code it failed with, and no other calls', () => {
    // Prepare
    const bus = new LocalEventBridge();
    bus.failNextRequests({ count: 1, errorCode: 'ThrottlingException', operation: 'PutEvents' });

    // Act
    const throttled = errorOf(() => bus.handle('PutEvents', { Entries: [valid] }));
    bus.handle('PutEvents', { Entries: [valid, valid] });
    const empty = errorOf(() => bus.handle('PutEvents', { Entries: [] }));
    bus.handle('ListEventBuses', {});
    bus.handle('TestEventPattern', {});

    // Assess
    expect(throttled).toBeInstanceOf(EventBridgeApiError);
    expect(empty).toMatchObject({ awsErrorCode: 'ValidationException' });
    expect(bus.requests('PutEvents').map(({ entries, errorCode }) => [entries.length, errorCode])).toEqual([
      [1, 'ThrottlingException'],
      [2, undefined],
      [0, 'ValidationException'],
    ]);
    expect(bus.requests().map(({ operation }) => operation)).toEqual(['PutEvents', 'PutEvents', 'PutEvents', 'ListEventBuses']);
    expect(bus.published()).toHaveLength(2);
  });

  it('forgets the logged calls on clearRequests, and keeps them on clearPublished', () => {
    // Prepare
    const bus = new LocalEventBridge();
    bus.handle('PutEvents', { Entries: [valid] });

    // Act
    bus.clearPublished();
    const afterClearPublished = bus.requests();
    bus.clearRequests();

    // Assess
    expect(afterClearPublished).toHaveLength(1);
    expect(bus.requests()).toEqual([]);
  });
});
