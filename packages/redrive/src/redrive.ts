import { mapWithConcurrency } from '@wildrydes/aws-clients';
import type { RedriveOptions } from './options.js';
import { OrderGuard } from './order-guard.js';
import { blockedDetail, planRecord } from './plan-record.js';
import type { QuarantineStore, StreamWriter } from './ports.js';
import { ProgressThrottle, type ProgressSettings } from './progress-throttle.js';
import { functionPrefix, type QuarantineKeyParts } from './quarantine-key.js';
import { progressLine } from './report.js';
import { selectKeys } from './select-keys.js';
import { countInto, failureCode, newTally, type RedriveTally } from './tally.js';

/** How the re-drive paces itself. */
export interface RedriveSettings {
  /**
   * Objects read, then re-driven, per window. Windows run one after the other, so memory stays
   * bounded and a failure in one window holds back its partition key in the next.
   * @default 500 (one full PutRecords request)
   */
  readonly windowSize: number;
  /** @default 16 */
  readonly readConcurrency: number;
  /** @default 16 */
  readonly deleteConcurrency: number;
  /** @default a line every 100 records or every second */
  readonly progress: ProgressSettings;
}

/** The defaults of {@link RedriveSettings}. */
export const DEFAULT_REDRIVE_SETTINGS: RedriveSettings = Object.freeze({
  windowSize: 500,
  readConcurrency: 16,
  deleteConcurrency: 16,
  progress: Object.freeze({ everyRecords: 100, everyMs: 1_000 }),
});

/** One re-drive: what to do, the ports to do it with, and where to write what happens. */
export interface RedriveRun {
  readonly options: Omit<RedriveOptions, 'bucketName'>;
  readonly store: QuarantineStore;
  readonly writer: StreamWriter;
  /** Receives one line at a time: per-record notes and progress. */
  readonly write: (line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  readonly settings?: Partial<RedriveSettings>;
}

const BLOCKED = 'BlockedByEarlierFailure';

/** A record on its way back to its stream. */
interface Outgoing {
  readonly parts: QuarantineKeyParts;
  readonly partitionKey: string;
  readonly data: Uint8Array;
}

/**
 * Re-drives one function's quarantine: lists its keys, drops those before `--since`, sorts the
 * rest by stream, shard and sequence number, and then, window by window, reads the objects,
 * decides each one's fate ({@link planRecord}), puts the re-drivable records back on their
 * source streams (per stream, in order) and deletes each object whose record was written
 * (unless `keep`). With `dryRun` it reads and reports, and neither writes nor deletes.
 *
 * Every listed key is accounted for in the returned tally. Failures are counted, never thrown;
 * only a failed listing throws (nothing has been changed then).
 *
 * @example
 * ```ts
 * const tally = await redrive({ options, store, writer, write: (line) => console.log(line) });
 * process.exitCode = total(tally.failed) === 0 ? 0 : 1;
 * ```
 */
export async function redrive(run: RedriveRun): Promise<RedriveTally> {
  const settings = { ...DEFAULT_REDRIVE_SETTINGS, ...run.settings };
  const { options } = run;
  const tally = newTally();
  const throttle = new ProgressThrottle(settings.progress, run.now ?? Date.now);
  const settled = (): void => {
    tally.settled++;
    if (throttle.due(tally.settled)) run.write(progressLine(tally, options.dryRun));
  };
  const skip = (key: string, code: string, detail: string): void => {
    countInto(tally.skipped, code);
    run.write(`skipped ${key}: ${code}: ${detail}`);
    settled();
  };
  const fail = (key: string, code: string, detail: string): void => {
    countInto(tally.failed, code);
    run.write(`failed ${key}: ${code === failureCode(detail) ? detail : `${code}: ${detail}`}`);
    settled();
  };

  const keys: string[] = [];
  for await (const key of run.store.listKeys(functionPrefix(options.functionName))) keys.push(key);
  tally.listed = keys.length;
  const { candidates, unrecognised, beforeSince } = selectKeys(keys, { since: options.since });
  tally.filteredOut += beforeSince;
  tally.settled += beforeSince;
  for (const key of unrecognised) {
    skip(key, 'UNRECOGNISED_KEY', 'not <function>/<stream>/<yyyy>/<mm>/<dd>/<shard>/<sequence>.json');
  }

  const guard = new OrderGuard();
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  let next = 0;
  while (next < candidates.length && budget > 0) {
    // Under --limit, read no more than could still be re-driven.
    const window = candidates.slice(next, next + Math.min(settings.windowSize, budget));
    const outcomes = await mapWithConcurrency(window, settings.readConcurrency, (parts) => run.store.read(parts.key));
    const outgoing: Outgoing[] = [];
    for (let index = 0; index < window.length && budget > 0; index++, next++) {
      const parts = window[index] as QuarantineKeyParts;
      const decision = planRecord(parts, outcomes[index] ?? { kind: 'error', reason: 'no outcome' }, options, guard);
      if (decision.kind === 'filtered') {
        tally.filteredOut++;
        settled();
      } else if (decision.kind === 'skip') skip(parts.key, decision.code, decision.detail);
      else if (decision.kind === 'fail') fail(parts.key, decision.code, decision.detail);
      else {
        outgoing.push({ parts, partitionKey: decision.partitionKey, data: decision.data });
        budget--;
      }
    }
    for (const [streamName, records] of byStream(outgoing)) {
      if (options.dryRun) {
        for (const { parts, partitionKey, data } of records) {
          run.write(`would re-drive ${parts.key} to ${streamName} (partition key ${JSON.stringify(partitionKey)}, ${data.byteLength} bytes)`);
          tally.redriven++;
          settled();
        }
        continue;
      }
      const written = await putOnStream(run, streamName, records, { guard, fail });
      for (let count = 0; count < written.length; count++) {
        tally.redriven++;
        settled();
      }
      if (!options.keep) await deleteObjects(run, written, settings.deleteConcurrency, tally);
    }
  }
  tally.notReached = candidates.length - next;
  return tally;
}

/** The records grouped by stream, each group in re-drive order. */
function byStream(records: readonly Outgoing[]): Map<string, Outgoing[]> {
  const groups = new Map<string, Outgoing[]>();
  for (const record of records) {
    const group = groups.get(record.parts.streamName);
    if (group) group.push(record);
    else groups.set(record.parts.streamName, [record]);
  }
  return groups;
}

/**
 * Puts one stream's records and reports the failed ones. A record that may succeed on a later
 * run (`retryable`) holds back its partition key for the rest of this run.
 *
 * @returns the records that were written, in re-drive order
 */
async function putOnStream(
  run: RedriveRun,
  streamName: string,
  records: readonly Outgoing[],
  on: { guard: OrderGuard; fail: (key: string, code: string, detail: string) => void },
): Promise<Outgoing[]> {
  const outcome = await run.writer.put(
    streamName,
    records.map(({ partitionKey, data }, ref) => ({ ref, partitionKey, data })),
  );
  for (const { ref, retryable, heldBack, reason } of [...outcome.failed].sort((a, b) => a.ref - b.ref)) {
    const { parts, partitionKey } = records[ref] as Outgoing;
    // The writer names the blocker by its input position; the operator needs its object key.
    const blocker = heldBack ? on.guard.blockerOf(parts, partitionKey) : undefined;
    if (retryable) on.guard.blockPartitionKey(streamName, partitionKey, parts.key);
    if (blocker === undefined) on.fail(parts.key, failureCode(reason), reason);
    else on.fail(parts.key, BLOCKED, blockedDetail(blocker));
  }
  return [...outcome.written].sort((a, b) => a - b).map((ref) => records[ref] as Outgoing);
}

/** Deletes the objects of re-driven records; a failed delete is a failure (a re-run duplicates it). */
async function deleteObjects(run: RedriveRun, written: readonly Outgoing[], concurrency: number, tally: RedriveTally): Promise<void> {
  const results = await mapWithConcurrency(written, concurrency, ({ parts }) => run.store.delete(parts.key));
  results.forEach((result, index) => {
    if (result.ok) {
      tally.deleted++;
      return;
    }
    const { key } = (written[index] as Outgoing).parts;
    countInto(tally.failed, 'DeleteFailed');
    run.write(`failed ${key}: DeleteFailed: re-driven, but the object could not be deleted (${result.reason}); delete it by hand, or a later run re-drives it again`);
  });
}
