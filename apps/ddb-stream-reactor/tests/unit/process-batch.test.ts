import { describe, expect, it } from 'vitest';
import { processBatch, type PublishFailure, type ReactorPorts } from '../../src/process-batch.js';
import type { EventEntry } from '../../src/event-entry.js';
import { insert, modify, reading, remove, sequenceNumberOf } from './stream-records.js';

const settings = { eventBusName: 'wildrydes-bus', healthLowThreshold: 20 };

/** An in-memory bus: records what it accepts; fails entries the test picks, by detail-type and unicorn. */
function fakeBus(failures: Array<{ detailType: string; unicorn: string; retryable: boolean; reason: string }> = []) {
  const published: EventEntry[] = [];
  let calls = 0;
  const ports: ReactorPorts = {
    async publish(entries) {
      calls++;
      const failed: PublishFailure[] = [];
      for (const { ref, entry } of entries) {
        const unicorn = (JSON.parse(entry.Detail) as { unicorn: string }).unicorn;
        const failure = failures.find((f) => f.detailType === entry.DetailType && f.unicorn === unicorn);
        if (failure) failed.push({ ref, retryable: failure.retryable, reason: failure.reason });
        else published.push(entry);
      }
      return { failed };
    },
  };
  return { ports, published, calls: () => calls };
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
    expect(result.summary).toEqual({ received: 3, published: 3, noEvent: 0, skipped: 0, retry: 0, rejected: 0, eventsPublished: 4 });
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
      { detailType: 'UnicornHealthLow', unicorn: 'B', retryable: true, reason: 'MaxAttemptsReached: ThrottlingException after 10 attempt(s)' },
      { detailType: 'UnicornHealthLow', unicorn: 'C', retryable: true, reason: 'DeadlineReached: not attempted' },
    ]);

    const result = await processBatch(records, bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(2) }, { itemIdentifier: sequenceNumberOf(3) }]);
    expect(result.summary).toMatchObject({ published: 1, retry: 2, eventsPublished: 2 });
    // The correction of C is on the bus; its low-health event is not, so C comes back whole.
    expect(bus.published.map((entry) => entry.DetailType)).toEqual(['UnicornHealthLow', 'UnicornReadingCorrected']);
    expect(result.failures).toEqual([
      { sequenceNumber: sequenceNumberOf(2), fate: 'retry', reasons: ['MaxAttemptsReached: ThrottlingException after 10 attempt(s)'] },
      { sequenceNumber: sequenceNumberOf(3), fate: 'retry', reasons: ['DeadlineReached: not attempted'] },
    ]);
  });

  it('hands back as rejected the records whose events can never be published, so the on-failure destination gets them', async () => {
    const records = [insert(1, reading({ Name: 'Huge', HealthPoints: 1 })), insert(2, reading({ Name: 'Fine', HealthPoints: 1 }))];
    const bus = fakeBus([{ detailType: 'UnicornHealthLow', unicorn: 'Huge', retryable: false, reason: 'EntryTooLarge: 2000 bytes > limit 1000 bytes' }]);

    const result = await processBatch(records, bus.ports, settings);

    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(1) }]);
    expect(result.failures).toEqual([
      { sequenceNumber: sequenceNumberOf(1), fate: 'rejected', reasons: ['EntryTooLarge: 2000 bytes > limit 1000 bytes'] },
    ]);
    expect(result.summary).toMatchObject({ published: 1, rejected: 1 });
  });

  it('never publishes an event whose detail its catalog schema rejects, and hands its record back as rejected', async () => {
    // A threshold that is not a whole number makes UnicornHealthLow's detail invalid: a bug, not bad data.
    const bus = fakeBus();

    const result = await processBatch([insert(1, reading({ HealthPoints: 1 }))], bus.ports, { ...settings, healthLowThreshold: 20.5 });

    expect(bus.published).toEqual([]);
    expect(result.response.batchItemFailures).toEqual([{ itemIdentifier: sequenceNumberOf(1) }]);
    expect(result.failures).toEqual([
      {
        sequenceNumber: sequenceNumberOf(1),
        fate: 'rejected',
        reasons: ['InvalidDetail: UnicornHealthLow@1 threshold: Invalid input: expected int, received number'],
      },
    ]);
  });

  it('answers an empty batch with no failures', async () => {
    expect((await processBatch([], fakeBus().ports, settings)).response).toEqual({ batchItemFailures: [] });
  });
});
