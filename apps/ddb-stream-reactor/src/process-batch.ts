import type { DynamoDBRecord } from 'aws-lambda';
import { summarise, toBatchResponse, type BatchSummary, type RecordFate } from './batch-outcome.js';
import { eventsForChange } from './change-events.js';
import { decodeChange, type SkipReason } from './decode-change.js';
import { toEventEntry, type EventEntry } from './event-entry.js';

/** One source record and what became of it in this invocation. */
export interface RecordSlot {
  readonly record: DynamoDBRecord;
  fate: RecordFate;
  /** Entries built for its events. */
  entries: number;
  /** Why it can never cause an event, when skipped. */
  skip?: { reason: SkipReason; detail: string };
  /** Why some of its events were not published. */
  failures: Array<{ retryable: boolean; reason: string }>;
}

/** How the publisher reports one entry that is not on the bus. */
export interface PublishFailure {
  readonly ref: RecordSlot;
  /** `false` when the entry can never be published (too large, malformed). */
  readonly retryable: boolean;
  readonly reason: string;
}

/** The side effect the reactor needs; the handler wires it to the PutEvents batch writer. */
export interface ReactorPorts {
  /** Publishes entries; returns those that are not on the bus, by ref. Never throws for a service failure. */
  publish(entries: ReadonlyArray<{ ref: RecordSlot; entry: EventEntry }>): Promise<{ failed: readonly PublishFailure[] }>;
}

export interface ReactorSettings {
  readonly eventBusName: string;
  readonly healthLowThreshold: number;
}

export interface ProcessedBatch {
  readonly response: { batchItemFailures: Array<{ itemIdentifier: string }> };
  readonly summary: BatchSummary;
  /** Records that can never cause an event, and why, for the log. */
  readonly skipped: ReadonlyArray<{ changeId: string | undefined; sequenceNumber: string | undefined; reason: SkipReason; detail: string }>;
  /** Records handed back to Lambda, and why, for the log. */
  readonly failures: ReadonlyArray<{ sequenceNumber: string; fate: 'retry' | 'rejected'; reasons: string[] }>;
}

/**
 * Processes one batch of `UnicornSensorData` stream records: decodes each change, derives its
 * domain events, validates them against the catalog and publishes them. Never throws for bad
 * input or a failed publish; every record ends `published`, `no-event`, `skipped` (it can never
 * cause an event; logged) or in `batchItemFailures` (`retry` or `rejected`).
 */
export async function processBatch(
  records: readonly DynamoDBRecord[],
  ports: ReactorPorts,
  settings: ReactorSettings,
): Promise<ProcessedBatch> {
  const slots: RecordSlot[] = records.map((record) => ({ record, fate: 'no-event', entries: 0, failures: [] }));
  const entries: Array<{ ref: RecordSlot; entry: EventEntry }> = [];
  for (const slot of slots) {
    const decoded = decodeChange(slot.record);
    if (!decoded.ok) {
      slot.fate = 'skipped';
      slot.skip = { reason: decoded.reason, detail: decoded.detail };
      continue;
    }
    for (const event of eventsForChange(decoded.change, settings)) {
      slot.entries++;
      const built = toEventEntry(event, settings.eventBusName);
      if (built.ok) entries.push({ ref: slot, entry: built.entry });
      else slot.failures.push({ retryable: false, reason: built.reason });
    }
  }

  const { failed } = entries.length > 0 ? await ports.publish(entries) : { failed: [] };
  for (const { ref, retryable, reason } of failed) ref.failures.push({ retryable, reason });
  for (const slot of slots) {
    if (slot.fate === 'skipped' || slot.entries === 0) continue;
    if (slot.failures.length === 0) slot.fate = 'published';
    else slot.fate = slot.failures.some(({ retryable }) => !retryable) ? 'rejected' : 'retry';
  }

  const fates = slots.map(({ record, fate }) => ({ sequenceNumber: record.dynamodb?.SequenceNumber, fate }));
  return {
    response: toBatchResponse(fates),
    summary: summarise(fates, entries.length - failed.length),
    skipped: slots.flatMap(({ record, skip }) =>
      skip ? [{ changeId: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber, ...skip }] : [],
    ),
    failures: slots.flatMap(({ record, fate, failures }) => {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      return (fate === 'retry' || fate === 'rejected') && sequenceNumber !== undefined
        ? [{ sequenceNumber, fate, reasons: failures.map(({ reason }) => reason) }]
        : [];
    }),
  };
}
