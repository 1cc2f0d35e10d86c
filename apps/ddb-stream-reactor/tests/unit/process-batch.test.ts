import { describe, expect, it } from 'vitest';
import { QuarantineRecordSchema, quarantineObjectKey, type QuarantineRecord } from '@wildrydes/schemas';
import type { StoredHealth } from '../../src/health-recovery.js';
import { processBatch, type PublishFailure, type ReactorPorts } from '../../src/process-batch.js';
import type { NeighbourWindowRequest } from '../../src/read-neighbour-window.js';
import type { EventEntry } from '../../src/event-entry.js';
import { insert, modify, reading, remove, sequenceNumberOf } from './stream-records.js';

const settings = { functionName: 'ddb-stream-reactor', eventBusName: 'wildrydes-bus', healthLowThreshold: 20 };
const NOW = new Date('2026-11-21T12:00:00.000Z');

type PlannedFailure = { detailType: string; unicorn: string; retryable: boolean; code: string; reason: string };

/**
 * An in-memory bus and quarantine: records what they accept; the bus fails entries the test
 * picks, by detail-type and unicorn; the quarantine fails every write when told to.
 */
function fakeBus(
  failures: PlannedFailure[] = [],
  options: { quarantineFails?: boolean; table?: Record<string, StoredHealth[]>; unreadable?: ReadonlySet<string> } = {},
) {
  const published: EventEntry[] = [];
  const quarantined: QuarantineRecord[] = [];
  const windowReads: NeighbourWindowRequest[] = [];
  let calls = 0;
  const ports: ReactorPorts = {
    async readNeighbours(request) {
      windowReads.push(request);
      if (options.unreadable?.has(request.unicorn)) return { ok: false, reason: 'MaxAttemptsReached: ProvisionedThroughputExceededException after 10 attempt(s)' };
      return { ok: true, window: options.table?.[request.unicorn] ?? [] };
    },
    async quarantine(records) {
      if (options.quarantineFails) return { failed: records };
      quarantined.push(...records);
      return { failed: [] };
    },
    now: () => NOW,
    async publish(entries) {
      calls++;
      const failed: PublishFailure[] = [];
      for (const { ref, entry } of entries) {
        const unicorn = (JSON.parse(entry.Detail) as { unicorn: string }).unicorn;
        const failure = failures.find((f) => f.detailType === entry.DetailType && f.unicorn === unicorn);
        if (failure) failed.push({ ref, retryable: failure.retryable, code: failure.code, reason: failure.reason });
        else published.push(entry);
      }
      return { failed };
    },
  };
  return { ports, published, quarantined, windowReads, calls: () => calls };
}

describe('processBatch', () => {
  it('publishes the events of every change and reports no failures', async () => {
    // Prepare
    const records = [
      insert(1, reading({ Name: 'Low', HealthPoints: 5 })),
      modify(2, reading({ Name: 'Fixed', HealthPoints: 50 }), reading({ Name: 'Fixed', HealthPoints: 10 })),
      remove(3, reading({ Name: 'Gone' })),
    ];
    const bus = fakeBus();

    // Act
    const result = await processBatch(records, bus.ports, settings);

    // Assess
    expect(result.response).toEqual({ batchItemFailures: [] });
    expect(bus.published.map((entry) => entry.DetailType)).toEqual([
      'UnicornHealthLow',
      'UnicornReadingCorrected',
      'UnicornHealthLow',
      'UnicornReadingRemoved',
    ]);
    expect(bus.published.every((entry) => entry.EventBusName === 'wildrydes-bus' && entry.Source === 'wildrydes.telemetry')).toBe(true);
    expect(result.summary).toEqual({ received: 3, published: 3, noEvent: 0, skipped: 0, retry: 0, quarantined: 0, eventsPublished: 4 });
    expect(bus.calls()).toBe(1);
  });

  it('skips records that can never cause an event, says why, and does not hand them back', async () => {
    const records = [insert(1, reading({ HealthPoints: 'lots' })), insert(2, reading({ HealthPoints: 1 }))];
    const bus = fakeBus();

    const result = await processBatch(records, bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([]);
    expect(result.summary).toMatchObject({ skipped: 1, published: 1 });
    expect(result.skipped).toEqual([
      { changeId: records[0]!.eventID, sequenceNumber: sequenceNumberOf(1), reason: 'INVALID_IMAGE', detail: expect.stringMatching(/^NewImage: HealthPoints: /) },
    ]);
  });

  it('counts changes that cause no event and does not call the bus for them', async () => {
    const bus = fakeBus();

    const result = await processBatch([insert(1, reading({ HealthPoints: 90 }))], bus.ports, settings);

    expect(result.summary).toMatchObject({ received: 1, noEvent: 1, eventsPublished: 0 });
    expect(bus.calls()).toBe(0);
  });

  it('hands back, by sequence number, the records whose events still fail transiently', async () => {
    const records = [
      insert(1, reading({ Name: 'A', HealthPoints: 1 })),
      insert(2, reading({ Name: 'B', HealthPoints: 2 })),
      modify(3, reading({ Name: 'C', HealthPoints: 60 }), reading({ Name: 'C', HealthPoints: 3 })),
    ];
    const bus = fakeBus([
      { detailType: 'UnicornHealthLow', unicorn: 'B', retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: ThrottlingException after 10 attempt(s)' },
      { detailType: 'UnicornHealthLow', unicorn: 'C', retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' },
    ]);

    const result = await processBatch(records, bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(2) }, { itemIdentifier: sequenceNumberOf(3) }]);
    expect(result.summary).toMatchObject({ published: 1, retry: 2, eventsPublished: 2 });
    // The correction of C is on the bus; its low-health event is not, so C comes back whole.
    expect(bus.published.map((entry) => entry.DetailType)).toEqual(['UnicornHealthLow', 'UnicornReadingCorrected']);
    expect(result.failures).toEqual([
      { sequenceNumber: sequenceNumberOf(2), reasons: ['MaxAttemptsReached: ThrottlingException after 10 attempt(s)'] },
      { sequenceNumber: sequenceNumberOf(3), reasons: ['DeadlineReached: not attempted'] },
    ]);
  });

  it('quarantines, and does not hand back, the records whose events can never be published, so they cannot block the shard', async () => {
    // Prepare
    const records = [
      insert(1, reading({ Name: 'Huge', HealthPoints: 1 })),
      insert(2, reading({ Name: 'Fine', HealthPoints: 1 })),
      insert(3, reading({ Name: 'Malformed', HealthPoints: 1 })),
    ];
    const bus = fakeBus([
      { detailType: 'UnicornHealthLow', unicorn: 'Huge', retryable: false, code: 'TooLarge', reason: 'EntryTooLarge: 2000 bytes > limit 1000 bytes' },
      { detailType: 'UnicornHealthLow', unicorn: 'Malformed', retryable: false, code: 'Invalid', reason: 'MalformedDetail: Detail is malformed.' },
    ]);

    // Act
    const result = await processBatch(records, bus.ports, settings);

    // Assess
    expect(result.response.batchItemFailures).toEqual([]);
    expect(result.summary).toMatchObject({ published: 1, quarantined: 2, retry: 0 });
    expect(result.quarantined).toEqual([
      { sequenceNumber: sequenceNumberOf(1), reason: 'TOO_LARGE', detail: 'EntryTooLarge: 2000 bytes > limit 1000 bytes' },
      { sequenceNumber: sequenceNumberOf(3), reason: 'REJECTED_BY_SINK', detail: 'MalformedDetail: Detail is malformed.' },
    ]);
    // The original record, the reason and the origin, as the writer and the re-publisher store theirs.
    const [huge, malformed] = bus.quarantined;
    expect(QuarantineRecordSchema.parse(malformed)).toEqual({
      schemaVersion: 1,
      quarantinedBy: 'ddb-stream-reactor',
      quarantinedAt: NOW.toISOString(),
      reason: 'REJECTED_BY_SINK',
      detail: 'MalformedDetail: Detail is malformed.',
      origin: {
        kind: 'dynamodb-stream',
        eventSourceArn: records[2]!.eventSourceARN,
        eventId: records[2]!.eventID,
        sequenceNumber: sequenceNumberOf(3),
        partitionKey: 'Malformed',
        approximateCreationDateTime: records[2]!.dynamodb!.ApproximateCreationDateTime,
      },
      data: Buffer.from(JSON.stringify(records[2])).toString('base64'),
    });
    expect(JSON.parse(Buffer.from(huge!.data, 'base64').toString('utf8'))).toEqual(records[0]);
    expect(quarantineObjectKey(huge!)).toMatch(/^ddb-stream-reactor\/UnicornSensorData\/2026\/11\/21\/\d+-c0ffee\d+\.json$/);
  });

  it('retries, rather than quarantines, a record that also has an event failing transiently', async () => {
    const records = [modify(1, reading({ HealthPoints: 60 }), reading({ HealthPoints: 3 }))];
    const bus = fakeBus([
      { detailType: 'UnicornReadingCorrected', unicorn: 'Shadowfax', retryable: false, code: 'Invalid', reason: 'MalformedDetail: no' },
      { detailType: 'UnicornHealthLow', unicorn: 'Shadowfax', retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted' },
    ]);

    const result = await processBatch(records, bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(1) }]);
    expect(bus.quarantined).toEqual([]);
  });

  it('hands a record back when its quarantine write fails, so it is never lost', async () => {
    const bus = fakeBus([{ detailType: 'UnicornHealthLow', unicorn: 'Shadowfax', retryable: false, code: 'Invalid', reason: 'MalformedDetail: no' }], {
      quarantineFails: true,
    });

    const result = await processBatch([insert(1, reading({ HealthPoints: 1 }))], bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(1) }]);
    expect(result.failures).toEqual([{ sequenceNumber: sequenceNumberOf(1), reasons: ['MalformedDetail: no', 'quarantine write failed'] }]);
    expect(result.summary).toMatchObject({ retry: 1, quarantined: 0 });
  });

  it('never publishes an event whose detail its catalog schema rejects, and quarantines its record as SCHEMA_VIOLATION', async () => {
    // A threshold that is not a whole number makes UnicornHealthLow's detail invalid: a bug, not bad data.
    const bus = fakeBus();

    const result = await processBatch([insert(1, reading({ HealthPoints: 1 }))], bus.ports, { ...settings, healthLowThreshold: 20.5 });

    expect(bus.published).toEqual([]);
    expect(result.response.batchItemFailures).toEqual([]);
    expect(result.quarantined).toEqual([
      {
        sequenceNumber: sequenceNumberOf(1),
        reason: 'SCHEMA_VIOLATION',
        detail: 'InvalidDetail: UnicornHealthLow@1 threshold: Invalid input: expected int, received number',
      },
    ]);
  });

  it('publishes UnicornHealthRestored when a healthy reading follows a stored low one, reading one window per unicorn', async () => {
    // Prepare: Shadowfax was low at 10:00:00; two healthy readings of it arrive, and one of Pegasus.
    const records = [
      insert(1, reading({ StatusTime: '2026-11-21T10:00:01.000Z', HealthPoints: 80 })),
      insert(2, reading({ StatusTime: '2026-11-21T10:00:02.000Z', HealthPoints: 90 })),
      insert(3, reading({ Name: 'Pegasus', HealthPoints: 70 })),
    ];
    const bus = fakeBus([], {
      table: {
        Shadowfax: [
          { statusTime: '2026-11-21T10:00:00.000Z', healthPoints: 4 },
          { statusTime: '2026-11-21T10:00:01.000Z', healthPoints: 80 },
          { statusTime: '2026-11-21T10:00:02.000Z', healthPoints: 90 },
        ],
      },
    });

    // Act
    const result = await processBatch(records, bus.ports, settings);

    // Assess
    expect(bus.windowReads).toEqual([
      { unicorn: 'Shadowfax', from: '2026-11-21T10:00:01.000Z', to: '2026-11-21T10:00:02.000Z' },
      { unicorn: 'Pegasus', from: '2026-11-21T10:00:00.000Z', to: '2026-11-21T10:00:00.000Z' },
    ]);
    expect(bus.published.map((entry) => [entry.DetailType, JSON.parse(entry.Detail).statusTime])).toEqual([
      ['UnicornHealthRestored', '2026-11-21T10:00:01.000Z'],
    ]);
    expect(JSON.parse(bus.published[0]!.Detail)).toMatchObject({ unicorn: 'Shadowfax', healthPoints: 80, threshold: 20, revision: sequenceNumberOf(1) });
    expect(result.summary).toMatchObject({ published: 1, noEvent: 2 });
  });

  it("hands back a unicorn's written records when its neighbours cannot be read, and goes on with the others", async () => {
    const records = [
      insert(1, reading({ Name: 'Unread', HealthPoints: 3 })),
      insert(2, reading({ Name: 'Fine', HealthPoints: 3 })),
      remove(3, reading({ Name: 'Unread' })),
    ];
    const bus = fakeBus([], { unreadable: new Set(['Unread']) });

    const result = await processBatch(records, bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(1) }]);
    expect(result.failures).toEqual([
      { sequenceNumber: sequenceNumberOf(1), reasons: ['MaxAttemptsReached: ProvisionedThroughputExceededException after 10 attempt(s)'] },
    ]);
    expect(bus.published.map((entry) => `${entry.DetailType} ${JSON.parse(entry.Detail).unicorn}`)).toEqual([
      'UnicornHealthLow Fine',
      'UnicornReadingRemoved Unread',
    ]);
  });

  it('answers an empty batch with no failures', async () => {
    expect((await processBatch([], fakeBus().ports, settings)).response).toEqual({ batchItemFailures: [] });
  });
});
