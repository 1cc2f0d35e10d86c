import type { DynamoDBRecord } from 'aws-lambda';
import type { QuarantineReason, QuarantineRecord } from '@wildrydes/schemas';
import { summarise, toBatchResponse, type BatchSummary, type RecordFate } from './batch-outcome.js';
import { eventsForChange } from './change-events.js';
import { decodeChange, type SkipReason, type TableChange } from './decode-change.js';
import { toEventEntry, type EventEntry } from './event-entry.js';
import { healthRestoredFor, type WritingChange } from './health-recovery.js';
import { readWindows, type ReadNeighbourWindow } from './neighbour-windows.js';
import { toChangeQuarantineRecord } from './quarantine-change.js';

/** Why one of a record's events is not on the bus. */
export interface EventFailure {
  readonly retryable: boolean;
  /**
   * The writer's failure code (`TooLarge`, `Invalid`, `DeadlineReached`, ... of
   * `@wildrydes/aws-clients`), or `InvalidDetail` when the catalog refused the detail.
   */
  readonly code: string;
  readonly reason: string;
}

/** One source record and what became of it in this invocation. */
export interface RecordSlot {
  readonly record: DynamoDBRecord;
  fate: RecordFate;
  /** Entries built for its events. */
  entries: number;
  /** Why it can never cause an event, when skipped. */
  skip?: { reason: SkipReason; detail: string };
  /** Why some of its events were not published. */
  failures: EventFailure[];
  /** Why it was quarantined, when it was. */
  quarantine?: { reason: QuarantineReason; detail: string };
}

/** How the publisher reports one entry that is not on the bus. */
export interface PublishFailure {
  readonly ref: RecordSlot;
  /** `false` when the entry can never be published (too large, rejected by EventBridge). */
  readonly retryable: boolean;
  /** The writer's failure code, e.g. `TooLarge`, `Invalid`, `DeadlineReached`. */
  readonly code: string;
  readonly reason: string;
}

/** The side effects the reactor needs; the handler wires them to the SDK adapters. */
export interface ReactorPorts {
  /** Publishes entries; returns those that are not on the bus, by ref. Never throws for a service failure. */
  publish(entries: ReadonlyArray<{ ref: RecordSlot; entry: EventEntry }>): Promise<{ failed: readonly PublishFailure[] }>;
  /**
   * Reads one unicorn's stored readings around the changed ones (consistently), for the
   * recovery rules. Never throws: a failure is returned, and the unicorn's records are retried.
   */
  readNeighbours: ReadNeighbourWindow;
  /** Stores quarantine records; returns those it could not store. Never throws for a service failure. */
  quarantine(records: readonly QuarantineRecord[]): Promise<{ failed: readonly QuarantineRecord[] }>;
  /** The time recorded as `quarantinedAt`. */
  now(): Date;
}

export interface ReactorSettings {
  /** The Nx project name, recorded as `quarantinedBy`. */
  readonly functionName: string;
  readonly eventBusName: string;
  readonly healthLowThreshold: number;
}

export interface ProcessedBatch {
  readonly response: { batchItemFailures: Array<{ itemIdentifier: string }> };
  readonly summary: BatchSummary;
  /** Records that can never cause an event, and why, for the log. */
  readonly skipped: ReadonlyArray<{ changeId: string | undefined; sequenceNumber: string | undefined; reason: SkipReason; detail: string }>;
  /** Records quarantined because some of their events can never be published, and why, for the log. */
  readonly quarantined: ReadonlyArray<{ sequenceNumber: string | undefined; reason: QuarantineReason; detail: string }>;
  /** Records handed back to Lambda, and why, for the log. */
  readonly failures: ReadonlyArray<{ sequenceNumber: string; reasons: string[] }>;
}

/**
 * Processes one batch of `UnicornSensorData` stream records: decodes each change, reads the
 * stored neighbours of the written readings (one window per unicorn), derives the domain events
 * (recoveries included), validates them against the catalog and publishes them. Never throws for bad
 * input or a failed publish; every record ends `published`, `no-event`, `skipped` (it can never
 * cause an event; logged), `quarantined` (some event can never be published: the record, the
 * reason and its origin are in the quarantine, and Lambda moves on) or in `batchItemFailures`
 * (`retry`: an event still fails transiently, the neighbours could not be read, or the
 * quarantine could not store the record).
 */
export async function processBatch(
  records: readonly DynamoDBRecord[],
  ports: ReactorPorts,
  settings: ReactorSettings,
): Promise<ProcessedBatch> {
  const slots: RecordSlot[] = records.map((record) => ({ record, fate: 'no-event', entries: 0, failures: [] }));
  const changes = new Map<RecordSlot, TableChange>();
  for (const slot of slots) {
    const decoded = decodeChange(slot.record);
    if (decoded.ok) changes.set(slot, decoded.change);
    else {
      slot.fate = 'skipped';
      slot.skip = { reason: decoded.reason, detail: decoded.detail };
    }
  }
  const windows = await readWindows([...changes.values()].filter(isWriting), ports.readNeighbours);

  const entries: Array<{ ref: RecordSlot; entry: EventEntry }> = [];
  for (const [slot, change] of changes) {
    const events = [...eventsForChange(change, settings)];
    if (isWriting(change)) {
      const window = windows.get(change.key.unicorn);
      if (!window?.ok) {
        // Without the neighbours a recovery cannot be told: retry the whole record (its other
        // events are published then, with the same ids).
        slot.entries = 1;
        slot.failures.push({ retryable: true, code: 'NeighbourQueryFailed', reason: window?.reason ?? 'no neighbour window' });
        continue;
      }
      events.push(...healthRestoredFor(change, window.window, settings));
    }
    for (const event of events) {
      slot.entries++;
      const built = toEventEntry(event, settings.eventBusName);
      if (built.ok) entries.push({ ref: slot, entry: built.entry });
      else slot.failures.push({ retryable: false, code: 'InvalidDetail', reason: built.reason });
    }
  }

  const { failed } = entries.length > 0 ? await ports.publish(entries) : { failed: [] };
  for (const { ref, retryable, code, reason } of failed) ref.failures.push({ retryable, code, reason });
  for (const slot of slots) {
    if (slot.fate === 'skipped' || slot.entries === 0) continue;
    if (slot.failures.length === 0) slot.fate = 'published';
    // A transient failure first gets its retry; only what fails for good alone is quarantined.
    else if (slot.failures.some(({ retryable }) => retryable)) slot.fate = 'retry';
    else slot.quarantine = quarantineCause(slot.failures);
  }
  await quarantineSlots(slots, ports, settings);

  const fates = slots.map(({ record, fate }) => ({ sequenceNumber: record.dynamodb?.SequenceNumber, fate }));
  return {
    response: toBatchResponse(fates),
    summary: summarise(fates, entries.length - failed.length),
    skipped: slots.flatMap(({ record, skip }) =>
      skip ? [{ changeId: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber, ...skip }] : [],
    ),
    quarantined: slots.flatMap(({ record, fate, quarantine }) =>
      fate === 'quarantined' && quarantine ? [{ sequenceNumber: record.dynamodb?.SequenceNumber, ...quarantine }] : [],
    ),
    failures: slots.flatMap(({ record, fate, failures }) => {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      return fate === 'retry' && sequenceNumber !== undefined ? [{ sequenceNumber, reasons: failures.map(({ reason }) => reason) }] : [];
    }),
  };
}

function isWriting(change: TableChange): change is WritingChange {
  return change.kind === 'INSERT' || change.kind === 'MODIFY';
}

/**
 * The quarantine reason of a record whose events fail only for good: `SCHEMA_VIOLATION` when
 * the catalog refused a detail (a bug here), `TOO_LARGE` for an entry over the size limit,
 * `REJECTED_BY_SINK` when EventBridge refused an entry (`MalformedDetail`, ...).
 */
function quarantineCause(failures: readonly EventFailure[]): { reason: QuarantineReason; detail: string } {
  const reason: QuarantineReason = failures.some(({ code }) => code === 'InvalidDetail')
    ? 'SCHEMA_VIOLATION'
    : failures.some(({ code }) => code === 'TooLarge')
      ? 'TOO_LARGE'
      : 'REJECTED_BY_SINK';
  return { reason, detail: failures.map(({ reason: why }) => why).join('; ') };
}

/** Quarantines the slots that carry a cause; a slot the store could not keep is retried, never dropped. */
async function quarantineSlots(slots: RecordSlot[], ports: ReactorPorts, settings: ReactorSettings): Promise<void> {
  const quarantinedAt = ports.now().toISOString();
  const prepared = slots.flatMap((slot) => {
    if (!slot.quarantine) return [];
    const record = toChangeQuarantineRecord(slot.record, { ...slot.quarantine, functionName: settings.functionName, quarantinedAt });
    return record ? [{ slot, record }] : [];
  });
  if (prepared.length === 0) return;
  const { failed } = await ports.quarantine(prepared.map(({ record }) => record));
  const notStored = new Set(failed);
  for (const { slot, record } of prepared) {
    if (notStored.has(record)) {
      slot.fate = 'retry';
      slot.failures.push({ retryable: true, code: 'QuarantineFailed', reason: 'quarantine write failed' });
    } else {
      slot.fate = 'quarantined';
    }
  }
}
