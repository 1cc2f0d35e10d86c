import { mapWithConcurrency } from '@wildrydes/aws-clients';
import { parseOnFailureObjectKey, type StreamOnFailureRecord } from '@wildrydes/schemas';
import type { RedriveOptions } from './options.js';
import { OrderGuard, type GuardedPosition } from './order-guard.js';
import { blockedDetail } from './plan-record.js';
import { functionNameOf, invokeTargetOf, planOnFailureObject, type BatchRecord } from './plan-on-failure.js';
import type { FunctionInvoker, OnFailureReadOutcome, OnFailureStore, StreamWriter } from './ports.js';
import { DEFAULT_REDRIVE_SETTINGS, type RedriveSettings } from './redrive.js';
import { failureCode, type RedriveTally } from './tally.js';
import { TallyRecorder } from './tally-recorder.js';

/** One re-drive of a stream mapping's on-failure objects. */
export interface OnFailureRun {
  readonly options: Pick<RedriveOptions, 'since' | 'dryRun' | 'limit' | 'keep'>;
  /**
   * Where to list in the failure bucket: `aws/lambda/` (every mapping's objects, those of mappings
   * replaced since included), or one mapping's `aws/lambda/<ESM-UUID>/` to narrow it.
   */
  readonly prefix: string;
  /**
   * The deployed function whose objects are re-driven, as Lambda's Invoke API names it (name,
   * partial ARN or ARN; a version or alias is ignored). An object is this run's only when its
   * `requestContext.functionArn` names the same function: any function's role may write under
   * `aws/lambda/`, so a prefix does not tell whose an object is.
   */
  readonly deployedFunction: string;
  readonly store: OnFailureStore;
  readonly writer: StreamWriter;
  readonly invoker: FunctionInvoker;
  readonly write: (line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  /** `readConcurrency` (objects read at once) and `progress` apply. */
  readonly settings?: Partial<RedriveSettings>;
}

/**
 * An object's place: its stream and shard (batch info), where its batch starts, and the mapping
 * and shard its key names. Objects of a mapping replaced since share the stream with the current
 * mapping's, so order and hold-backs go by stream; an object that cannot be read is known only
 * by its key, so it holds back its mapping's shard.
 */
interface IndexedObject {
  readonly key: string;
  readonly position: GuardedPosition;
  readonly mapping: GuardedPosition;
  readonly startSequenceNumber: bigint;
}

const BLOCKED = 'BlockedByEarlierFailure';

/**
 * Re-drives the batches a function's stream event source mappings gave up on, from their S3
 * on-failure destination: lists the objects under `prefix`, drops those that failed before
 * `--since` (the key holds the day), reads each once to learn whose it is (objects of other
 * functions than `deployedFunction` are filtered out and never touched) and its shard and first
 * sequence number (keeping only that), sorts them by shard then sequence number, and then,
 * object by object:
 * - a Kinesis batch goes back onto its stream ({@link planOnFailureObject}), original bytes and
 *   partition keys, in order per key; a record whose key failed earlier in the run is held back;
 * - a DynamoDB batch is re-delivered to the function that failed on it, exactly as stored; one
 *   that fails holds back the later objects of its shard (their order is the stream's).
 * An object is deleted (unless `keep`) only when all of it was re-driven. With `dryRun` nothing
 * is written, invoked or deleted. Failures are counted, never thrown; only a failed listing throws.
 *
 * @example
 * ```ts
 * const tally = await redriveOnFailureObjects({ options, prefix: 'aws/lambda/', deployedFunction: 'WildRydes-KinesisDdbWriter-Fn1A2B', store, writer, invoker, write: console.log });
 * ```
 */
export async function redriveOnFailureObjects(run: OnFailureRun): Promise<RedriveTally> {
  const settings = { ...DEFAULT_REDRIVE_SETTINGS, ...run.settings };
  const { options } = run;
  const recorder = new TallyRecorder({ write: run.write, dryRun: options.dryRun, progress: settings.progress, ...(run.now ? { now: run.now } : {}) });
  const guard = new OrderGuard();

  const candidates: Array<{ key: string; position: GuardedPosition }> = [];
  for await (const key of run.store.listKeys(run.prefix)) {
    recorder.tally.listed++;
    const parts = parseOnFailureObjectKey(key);
    if (parts === undefined) recorder.skip(key, 'UNRECOGNISED_KEY', 'not aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<UUID>');
    else if (options.since !== undefined && parts.day < options.since) recorder.filtered();
    else candidates.push({ key, position: { streamName: parts.mappingUuid, shardId: parts.shardId } });
  }

  const ownName = functionNameOf(run.deployedFunction);
  const isOwn = (record: StreamOnFailureRecord): boolean => invokeTargetOf(record.requestContext.functionArn)?.functionName === ownName;
  const indexed = sortByStreamPosition(await indexObjects(run, candidates, { concurrency: settings.readConcurrency, isOwn }, { guard, recorder }));
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  let next = 0;
  while (next < indexed.length && budget > 0) {
    const window = indexed.slice(next, next + Math.min(settings.readConcurrency, budget));
    const outcomes = await mapWithConcurrency(window, settings.readConcurrency, ({ key }) => run.store.read(key));
    for (const [index, object] of window.entries()) {
      const record = recordOf(object, outcomes[index], { guard, recorder });
      next++;
      if (record === undefined) continue;
      budget--;
      if (await redriveObject(run, object, record, { guard, recorder })) {
        if (options.dryRun || options.keep) continue;
        const deleted = await run.store.delete(object.key);
        if (deleted.ok) recorder.tally.deleted++;
        else recorder.deleteFailed(object.key, 'object', deleted.reason);
      }
    }
  }
  recorder.tally.notReached = indexed.length - next;
  return recorder.tally;
}

/**
 * Reads every candidate once, keeping only where the batch of each of the function's own objects
 * starts; other functions' objects are filtered out, and what cannot be read is settled here.
 */
async function indexObjects(
  run: OnFailureRun,
  candidates: ReadonlyArray<{ key: string; position: GuardedPosition }>,
  { concurrency, isOwn }: { concurrency: number; isOwn: (record: StreamOnFailureRecord) => boolean },
  on: { guard: OrderGuard; recorder: TallyRecorder },
): Promise<IndexedObject[]> {
  const indexed: IndexedObject[] = [];
  for (let start = 0; start < candidates.length; start += concurrency) {
    const window = candidates.slice(start, start + concurrency);
    const outcomes = await mapWithConcurrency(window, concurrency, ({ key }) => run.store.read(key));
    window.forEach((candidate, index) => {
      const record = recordOf(candidate, outcomes[index], on);
      if (record === undefined) return;
      if (!isOwn(record)) {
        on.recorder.filtered();
        return;
      }
      const { startSequenceNumber, streamArn, shardId } = 'KinesisBatchInfo' in record ? record.KinesisBatchInfo : record.DDBStreamBatchInfo;
      indexed.push({
        key: candidate.key,
        position: { streamName: streamArn, shardId },
        mapping: candidate.position,
        startSequenceNumber: /^\d+$/.test(startSequenceNumber) ? BigInt(startSequenceNumber) : 0n,
      });
    });
  }
  return indexed;
}

/** The record, or `undefined` once the object was settled as skipped or failed. */
function recordOf(
  object: { key: string; position: GuardedPosition },
  outcome: OnFailureReadOutcome | undefined,
  on: { guard: OrderGuard; recorder: TallyRecorder },
): StreamOnFailureRecord | undefined {
  switch (outcome?.kind) {
    case 'record':
      return outcome.record;
    case 'gone':
      on.recorder.skip(object.key, 'OBJECT_GONE', 'the object was deleted since it was listed');
      return undefined;
    case 'invalid':
      on.recorder.skip(object.key, 'INVALID_OBJECT', outcome.detail);
      return undefined;
    default:
      // Its records are unknown: nothing later on its shard may overtake them.
      on.guard.blockShard(object.position, object.key);
      on.recorder.fail(object.key, 'ReadFailed', `could not read the object: ${outcome?.reason ?? 'no outcome'}`);
      return undefined;
  }
}

/** Objects by stream, shard, first sequence number (as a number: lengths vary), then key. */
function sortByStreamPosition(objects: IndexedObject[]): IndexedObject[] {
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return objects.sort(
    (a, b) =>
      compare(a.position.streamName, b.position.streamName) ||
      compare(a.position.shardId, b.position.shardId) ||
      (a.startSequenceNumber < b.startSequenceNumber ? -1 : a.startSequenceNumber > b.startSequenceNumber ? 1 : 0) ||
      compare(a.key, b.key),
  );
}

/** What holds back a record of the object: a failure on its stream's shard or partition key, or an unreadable object of its mapping's shard. */
function blockerOf(guard: OrderGuard, object: IndexedObject, partitionKey: string): string | undefined {
  return guard.blockerOf(object.position, partitionKey) ?? guard.blockerOf(object.mapping, '');
}

/** Re-drives one object; true when all of it was re-driven (or would be, in a dry run). */
async function redriveObject(
  run: OnFailureRun,
  object: IndexedObject,
  record: StreamOnFailureRecord,
  on: { guard: OrderGuard; recorder: TallyRecorder },
): Promise<boolean> {
  const decision = planOnFailureObject(record);
  if (decision.kind === 'skip') {
    on.recorder.skip(object.key, decision.code, decision.detail);
    return false;
  }
  const shardBlocker = blockerOf(on.guard, object, '');
  if (shardBlocker !== undefined && decision.kind === 'invoke') {
    on.recorder.fail(object.key, BLOCKED, blockedDetail(shardBlocker));
    return false;
  }
  if (decision.kind === 'invoke') {
    const { target, payload, recordCount } = decision;
    const named = `function ${target.functionName}${target.qualifier === undefined ? '' : `:${target.qualifier}`}`;
    if (run.options.dryRun) {
      run.write(`would re-deliver ${object.key}: ${recordCount} records to ${named}`);
      on.recorder.redriven();
      return true;
    }
    const outcome = await run.invoker.invoke(target, payload);
    if (outcome.ok) {
      on.recorder.redriven();
      return true;
    }
    on.guard.blockShard(object.position, object.key);
    on.recorder.fail(object.key, failureCode(outcome.reason), outcome.reason);
    return false;
  }
  return putBatch(run, object, decision.streamName, decision.records, on);
}

/** Puts a Kinesis batch back; records behind an earlier failure of their key (or shard) are held back. */
async function putBatch(
  run: OnFailureRun,
  object: IndexedObject,
  streamName: string,
  records: readonly BatchRecord[],
  on: { guard: OrderGuard; recorder: TallyRecorder },
): Promise<boolean> {
  const sendable: Array<{ ref: number; partitionKey: string; data: Uint8Array }> = [];
  let firstBlocker: string | undefined;
  records.forEach(({ partitionKey, data }, ref) => {
    const blocker = blockerOf(on.guard, object, partitionKey);
    if (blocker === undefined) sendable.push({ ref, partitionKey, data });
    else firstBlocker ??= blocker;
  });
  if (run.options.dryRun) {
    const held = records.length - sendable.length;
    if (held > 0) {
      on.recorder.fail(object.key, BLOCKED, `${held} of its ${records.length} records would be ${blockedDetail(firstBlocker as string)}`);
      return false;
    }
    run.write(`would re-drive ${object.key}: ${records.length} records to ${streamName}`);
    on.recorder.redriven();
    return true;
  }
  const outcome = sendable.length === 0 ? { written: [], failed: [] } : await run.writer.put(streamName, sendable);
  for (const { ref, retryable } of outcome.failed) {
    if (retryable) on.guard.blockPartitionKey(object.position.streamName, (records[ref] as BatchRecord).partitionKey, object.key);
  }
  const notWritten = records.length - outcome.written.length;
  if (notWritten === 0) {
    on.recorder.redriven();
    return true;
  }
  const first = [...outcome.failed].sort((a, b) => a.ref - b.ref).find(({ heldBack }) => !heldBack);
  const code = first === undefined ? BLOCKED : failureCode(first.reason);
  const why = first === undefined ? blockedDetail(firstBlocker ?? object.key) : first.reason;
  on.recorder.fail(
    object.key,
    code,
    `${notWritten} of its ${records.length} records were not written to ${streamName} (${why}); the object stays, and the next run writes all of it again (the ${outcome.written.length} written now included)`,
  );
  return false;
}
