import { readBatchResponse } from './batch-response.js';
import type { DeliverySettings, DiscardReason } from './delivery-settings.js';

/** The result of invoking the function once. */
export type InvokeOutcome =
  | { readonly kind: 'returned'; readonly response: unknown }
  | { readonly kind: 'error'; readonly message: string };

/** What a delivery needs from its surroundings; all I/O is here, so the logic stays pure. */
export interface DeliveryPorts<TRecord> {
  invoke(batch: readonly TRecord[]): Promise<InvokeOutcome>;
  /** Records that succeeded, in stream order. */
  succeeded(records: readonly TRecord[]): void | Promise<void>;
  /** Records given up on: sent to the on-failure destination, in stream order. */
  discarded(records: readonly TRecord[], reason: DiscardReason, lastError: string | undefined, attempts: DiscardAttempts): void | Promise<void>;
  /** A failed invocation about to be retried (for the live view's retry counter). */
  retrying?(records: readonly TRecord[], attempt: number, error: string): void;
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

/** How often the given-up records were tried, and how the last try ended (Lambda's on-failure record says both). */
export interface DiscardAttempts {
  /** Invocations that included these records (Lambda's `approximateInvokeCount`); 0 if never invoked. */
  readonly invokeCount: number;
  /** Whether the last invocation failed as a whole (an error: `functionError` "Unhandled"), not by a partial batch response. */
  readonly functionError: boolean;
}

/** How to read a record's identity and age. */
export interface RecordAccessors<TRecord> {
  /** The sequence number: what `batchItemFailures[].itemIdentifier` names. */
  idOf(record: TRecord): string;
  /** When the record reached the stream, epoch milliseconds. */
  arrivalMsOf(record: TRecord): number;
}

/**
 * Delivers one batch of a shard to the function with Lambda's stream semantics and resolves once
 * every record has either succeeded or been discarded, in stream order:
 *
 * - a partial batch response checkpoints at the first failed record; the records before it
 *   succeeded and the batch is retried from that record (with bisect on, Lambda splits at the
 *   returned record and retries the remainder: the same thing);
 * - an error (thrown, timed out, or a response Lambda reads as a complete failure) is retried; with
 *   `bisectBatchOnError` the batch is first split in two and each half delivered in turn, which
 *   isolates a poison record in log2(n) steps; splitting does not use up a retry;
 * - after `retryAttempts` retries, or once records are older than `maxRecordAgeSeconds`, the
 *   records still failing are discarded to the on-failure destination and the shard moves on.
 *
 * @example
 * ```ts
 * await deliverBatch(records, settings, accessors, {
 *   invoke: (batch) => host.invoke(kinesisEventFromRecords(batch, source)),
 *   succeeded: (done) => stats.add(done.length),
 *   discarded: (lost, reason) => onFailure.push({ lost, reason }),
 *   nowMs: Date.now,
 *   sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
 * });
 * ```
 */
export async function deliverBatch<TRecord>(
  batch: readonly TRecord[],
  settings: DeliverySettings,
  accessors: RecordAccessors<TRecord>,
  ports: DeliveryPorts<TRecord>,
  retriesUsed = 0,
  invokedSoFar = 0,
): Promise<void> {
  let pending = [...batch];
  let retries = retriesUsed;
  let invocations = invokedSoFar;
  let functionError = false;
  let lastError: string | undefined;

  while (pending.length > 0) {
    pending = await discardExpired(pending, settings, accessors, ports, lastError, { invokeCount: invocations, functionError });
    if (pending.length === 0) return;

    const outcome = await ports.invoke(pending);
    invocations += 1;
    functionError = outcome.kind === 'error';
    const verdict =
      outcome.kind === 'error'
        ? ({ kind: 'failure', reason: outcome.message } as const)
        : readBatchResponse(outcome.response, pending.map(accessors.idOf), settings.reportBatchItemFailures);

    if (verdict.kind === 'success') {
      await ports.succeeded(pending);
      return;
    }
    if (verdict.kind === 'partial') {
      await ports.succeeded(pending.slice(0, verdict.firstFailedIndex));
      pending = pending.slice(verdict.firstFailedIndex);
      lastError = 'reported in batchItemFailures';
    } else {
      lastError = verdict.reason;
      if (settings.bisectBatchOnError && pending.length > 1) {
        const middle = Math.ceil(pending.length / 2);
        await deliverBatch(pending.slice(0, middle), settings, accessors, ports, retries, invocations);
        await deliverBatch(pending.slice(middle), settings, accessors, ports, retries, invocations);
        return;
      }
    }

    if (settings.retryAttempts >= 0 && retries >= settings.retryAttempts) {
      await ports.discarded(pending, 'RetryAttemptsExhausted', lastError, { invokeCount: invocations, functionError });
      return;
    }
    retries += 1;
    ports.retrying?.(pending, retries, lastError);
    await ports.sleep(settings.retryDelayMs);
  }
}

async function discardExpired<TRecord>(
  records: TRecord[],
  settings: DeliverySettings,
  accessors: RecordAccessors<TRecord>,
  ports: DeliveryPorts<TRecord>,
  lastError: string | undefined,
  attempts: DiscardAttempts,
): Promise<TRecord[]> {
  if (settings.maxRecordAgeSeconds < 0) return records;
  const oldestAllowedMs = ports.nowMs() - settings.maxRecordAgeSeconds * 1000;
  // Records arrive in order, so the expired ones are a prefix of the batch.
  const firstFresh = records.findIndex((record) => accessors.arrivalMsOf(record) >= oldestAllowedMs);
  const expiredCount = firstFresh === -1 ? records.length : firstFresh;
  if (expiredCount === 0) return records;
  await ports.discarded(records.slice(0, expiredCount), 'RecordAgeExceeded', lastError, attempts);
  return records.slice(expiredCount);
}
