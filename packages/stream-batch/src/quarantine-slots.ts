import type { QuarantineRecord } from '@wildrydes/schemas';
import { toQuarantineRecord, type QuarantinedBy } from './quarantine-record.js';
import type { RecordSlot } from './record-slot.js';

/**
 * Stores quarantine records; returns the ones it could not store. The handler wires it to
 * `quarantineRecords` of `@wildrydes/aws-clients`; tests pass an in-memory fake.
 */
export type QuarantineStore = (records: readonly QuarantineRecord[]) => Promise<{ readonly failed: readonly QuarantineRecord[] }>;

/**
 * Quarantines the slots that carry a `poison`: each ends `quarantined`, or stays `retry` with
 * `retryReason` 'quarantine write failed' when the store could not keep it, so it is not lost.
 * Slots without a poison are left alone; the store is not called when there is nothing to store.
 *
 * @example
 * ```ts
 * await quarantineSlots(
 *   slots.filter((slot) => slot.poison),
 *   ports.quarantine,
 *   { functionName: 'kinesis-republisher', quarantinedAt: new Date().toISOString() },
 * );
 * ```
 */
export async function quarantineSlots<TDone extends string>(
  poisoned: ReadonlyArray<RecordSlot<TDone>>,
  store: QuarantineStore,
  by: QuarantinedBy,
): Promise<void> {
  const prepared = poisoned.flatMap((slot) =>
    slot.poison ? [{ slot, record: toQuarantineRecord(slot.record, { ...slot.poison, ...by }) }] : [],
  );
  if (prepared.length === 0) return;
  const { failed } = await store(prepared.map(({ record }) => record));
  const notStored = new Set(failed);
  for (const { slot, record } of prepared) {
    if (notStored.has(record)) slot.retryReason = 'quarantine write failed';
    else slot.fate = 'quarantined';
  }
}
