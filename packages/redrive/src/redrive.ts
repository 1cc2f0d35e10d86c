import { mapWithConcurrency } from '@wildrydes/aws-clients';
import { SetupError } from './errors.js';
import type { RedriveOptions } from './options.js';
import { OrderGuard } from './order-guard.js';
import { blockedDetail, planRecord } from './plan-record.js';
import type { FunctionInvoker, QuarantineStore, StreamWriter } from './ports.js';
import type { ProgressSettings } from './progress-throttle.js';
import { functionPrefix, type QuarantineKeyParts } from './quarantine-key.js';
import { selectKeys } from './select-keys.js';
import { failureCode, type RedriveTally } from './tally.js';
import { TallyRecorder } from './tally-recorder.js';

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

/** One re-drive of a function's quarantine: what to do, the ports to do it with, and where to write what happens. */
export interface RedriveRun {
  readonly options: Pick<RedriveOptions, 'functionName' | 'since' | 'reasons' | 'dryRun' | 'limit' | 'keep'>;
  readonly store: QuarantineStore;
  readonly writer: StreamWriter;
  /** Re-delivers quarantined DynamoDB stream records to their function. */
  readonly invoker: FunctionInvoker;
  /**
   * The deployed function quarantined DynamoDB stream records are re-delivered to, as Lambda's
   * Invoke API takes it (name or ARN, e.g. the SSM parameter `/wildrydes/functions/<name>/function-arn`).
   * Not the project name the records carry: CloudFormation generates the deployed name.
   * @default - none: a run that meets a DynamoDB stream record throws a SetupError (a Kinesis function's quarantine needs none)
   */
  readonly redeliverTo?: string;
  /** Receives one line at a time: per-record notes and progress. */
  readonly write: (line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  readonly settings?: Partial<RedriveSettings>;
}

const BLOCKED = 'BlockedByEarlierFailure';

/** A Kinesis record on its way back to its stream. */
interface Outgoing {
  readonly parts: QuarantineKeyParts;
  readonly partitionKey: string;
  readonly data: Uint8Array;
}

/** A DynamoDB stream record on its way back to its function. */
interface Redelivery {
  readonly parts: QuarantineKeyParts;
  readonly partitionKey: string;
  readonly payload: string;
}

/**
 * Re-drives one function's quarantine: lists its keys, drops those before `--since`, sorts the
 * rest by stream (or table), shard and sequence number, and then, window by window, reads the
 * objects, decides each one's fate ({@link planRecord}), puts the Kinesis records back on their
 * source streams (per stream, in order), re-delivers the DynamoDB stream records to the
 * deployed function (`redeliverTo`) one by one in order, and deletes each object whose record
 * was re-driven (unless `keep`). With `dryRun` it reads and reports, and neither writes, invokes
 * nor deletes.
 *
 * Every listed key is accounted for in the returned tally. Failures are counted, never thrown;
 * only a failed listing throws (nothing has been changed then), and a DynamoDB stream record met
 * without `redeliverTo` (a SetupError, before anything of its window is changed).
 *
 * @example
 * ```ts
 * const tally = await redrive({ options, store, writer, invoker, write: (line) => console.log(line) });
 * process.exitCode = total(tally.failed) === 0 ? 0 : 1;
 * ```
 */
export async function redrive(run: RedriveRun): Promise<RedriveTally> {
  const settings = { ...DEFAULT_REDRIVE_SETTINGS, ...run.settings };
  const { options } = run;
  const recorder = new TallyRecorder({ write: run.write, dryRun: options.dryRun, progress: settings.progress, ...(run.now ? { now: run.now } : {}) });
  const { tally } = recorder;

  const keys: string[] = [];
  for await (const key of run.store.listKeys(functionPrefix(options.functionName))) keys.push(key);
  tally.listed = keys.length;
  const { candidates, unrecognised, beforeSince } = selectKeys(keys, { since: options.since });
  tally.filteredOut += beforeSince;
  tally.settled += beforeSince;
  for (const key of unrecognised) {
    recorder.skip(key, 'UNRECOGNISED_KEY', 'not <function>/<stream>/<yyyy>/<mm>/<dd>/<shard>/<sequence>.json nor <function>/<table>/<yyyy>/<mm>/<dd>/<sequence>-<eventID>.json');
  }

  const guard = new OrderGuard();
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  let next = 0;
  while (next < candidates.length && budget > 0) {
    // Under --limit, read no more than could still be re-driven.
    const window = candidates.slice(next, next + Math.min(settings.windowSize, budget));
    const outcomes = await mapWithConcurrency(window, settings.readConcurrency, (parts) => run.store.read(parts.key));
    const outgoing: Outgoing[] = [];
    const redeliveries: Redelivery[] = [];
    for (let index = 0; index < window.length && budget > 0; index++, next++) {
      const parts = window[index] as QuarantineKeyParts;
      const decision = planRecord(parts, outcomes[index] ?? { kind: 'error', reason: 'no outcome' }, options, guard);
      if (decision.kind === 'filtered') recorder.filtered();
      else if (decision.kind === 'skip') recorder.skip(parts.key, decision.code, decision.detail);
      else if (decision.kind === 'fail') recorder.fail(parts.key, decision.code, decision.detail);
      else {
        if (decision.kind === 'put') outgoing.push({ parts, partitionKey: decision.partitionKey, data: decision.data });
        else redeliveries.push({ parts, partitionKey: decision.partitionKey, payload: decision.payload });
        budget--;
      }
    }
    // Checked before anything of the window is changed.
    const target = redeliveries.length === 0 ? undefined : requireTarget(run);
    for (const [streamName, records] of byStream(outgoing)) {
      if (options.dryRun) {
        for (const { parts, partitionKey, data } of records) {
          run.write(`would re-drive ${parts.key} to ${streamName} (partition key ${JSON.stringify(partitionKey)}, ${data.byteLength} bytes)`);
          recorder.redriven();
        }
        continue;
      }
      const written = await putOnStream(run, streamName, records, { guard, recorder });
      for (let count = 0; count < written.length; count++) recorder.redriven();
      if (!options.keep) await deleteObjects(run, written.map(({ parts }) => parts.key), settings.deleteConcurrency, recorder);
    }
    const redelivered = target === undefined ? [] : await redeliver(run, target, redeliveries, { guard, recorder });
    if (!options.dryRun && !options.keep) await deleteObjects(run, redelivered, settings.deleteConcurrency, recorder);
  }
  tally.notReached = candidates.length - next;
  return tally;
}

/** The function to re-deliver DynamoDB stream records to, or a SetupError saying what is missing. */
function requireTarget(run: RedriveRun): string {
  if (run.redeliverTo === undefined || run.redeliverTo === '') {
    throw new SetupError(
      `quarantined DynamoDB stream records of ${run.options.functionName} need the deployed function to re-deliver them to (--function-arn, or locations.functionArn)`,
    );
  }
  return run.redeliverTo;
}

/**
 * Re-delivers DynamoDB stream records to the deployed function, one by one in re-drive order. A
 * record that fails holds back the later records of its item (partition key) for the rest of the run.
 *
 * @returns the keys of the objects whose record was re-delivered
 */
async function redeliver(
  run: RedriveRun,
  functionName: string,
  redeliveries: readonly Redelivery[],
  on: { guard: OrderGuard; recorder: TallyRecorder },
): Promise<string[]> {
  const done: string[] = [];
  for (const { parts, partitionKey, payload } of redeliveries) {
    const blocker = on.guard.blockerOf(parts, partitionKey);
    if (blocker !== undefined) {
      on.recorder.fail(parts.key, BLOCKED, blockedDetail(blocker));
      continue;
    }
    if (run.options.dryRun) {
      run.write(`would re-deliver ${parts.key} to function ${functionName} (a one-record DynamoDB stream event, item ${JSON.stringify(partitionKey)})`);
      on.recorder.redriven();
      continue;
    }
    const outcome = await run.invoker.invoke({ functionName }, payload);
    if (outcome.ok) {
      on.recorder.redriven();
      done.push(parts.key);
    } else {
      on.guard.blockPartitionKey(parts.streamName, partitionKey, parts.key);
      on.recorder.fail(parts.key, failureCode(outcome.reason), outcome.reason);
    }
  }
  return done;
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
  on: { guard: OrderGuard; recorder: TallyRecorder },
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
    if (blocker === undefined) on.recorder.fail(parts.key, failureCode(reason), reason);
    else on.recorder.fail(parts.key, BLOCKED, blockedDetail(blocker));
  }
  return [...outcome.written].sort((a, b) => a - b).map((ref) => records[ref] as Outgoing);
}

/** Deletes the objects of re-driven records; a failed delete is a failure (a re-run duplicates it). */
async function deleteObjects(run: RedriveRun, keys: readonly string[], concurrency: number, recorder: TallyRecorder): Promise<void> {
  const results = await mapWithConcurrency(keys, concurrency, (key) => run.store.delete(key));
  results.forEach((result, index) => {
    if (result.ok) recorder.tally.deleted++;
    else recorder.deleteFailed(keys[index] as string, 'object', result.reason);
  });
}
