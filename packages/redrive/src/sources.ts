import type { FunctionTriggerType } from '@wildrydes/infra/function-declaration';
import { UsageError } from './errors.js';
import { REDRIVE_SOURCES, type RedriveSource } from './options.js';

/**
 * One place a function's failures are kept, as the re-drive works on it:
 * - `quarantine`: the quarantine bucket, under `<function>/` (Kinesis and DynamoDB-stream functions);
 * - `on-failure-objects`: the failure bucket, under the mapping's `aws/lambda/<ESM-UUID>/` (stream functions);
 * - `dead-letter-queue`: the EventBridge rule target's dead-letter queue;
 * - `on-failure-queue`: the asynchronous invocation on-failure queue of an EventBridge rule target.
 */
export type SourceKind = 'quarantine' | 'on-failure-objects' | 'dead-letter-queue' | 'on-failure-queue';

/** What each trigger type keeps, per source the operator can name, in the order they are re-driven. */
const KEPT_BY_TRIGGER: Readonly<Record<FunctionTriggerType, Partial<Record<RedriveSource, SourceKind>>>> = {
  kinesis: { quarantine: 'quarantine', 'on-failure': 'on-failure-objects' },
  'dynamodb-stream': { quarantine: 'quarantine', 'on-failure': 'on-failure-objects' },
  'eventbridge-rule': { 'dead-letter': 'dead-letter-queue', 'on-failure': 'on-failure-queue' },
  'function-url': {},
};

/**
 * The sources to re-drive for a function with this trigger: the named ones, or every one it has.
 *
 * @throws UsageError for a Function URL function (its callers retry; nothing is kept), and for
 *   a named source the function does not have, naming those it has
 *
 * @example
 * ```ts
 * planSources('kinesis-republisher', 'kinesis', undefined); // ['quarantine', 'on-failure-objects']
 * planSources('eventbridge-consumer', 'eventbridge-rule', new Set(['dead-letter'])); // ['dead-letter-queue']
 * ```
 */
export function planSources(functionName: string, triggerType: FunctionTriggerType, requested: ReadonlySet<RedriveSource> | undefined): SourceKind[] {
  const kept = KEPT_BY_TRIGGER[triggerType];
  const has = REDRIVE_SOURCES.filter((source) => kept[source] !== undefined);
  if (has.length === 0) {
    throw new UsageError(`${functionName} is invoked through its Function URL: its callers retry, and nothing it fails on is kept, so there is nothing to re-drive`);
  }
  const wanted = requested === undefined ? has : REDRIVE_SOURCES.filter((source) => requested.has(source));
  const missing = wanted.filter((source) => kept[source] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`${functionName} (${triggerType}) has no ${missing.join(' or ')} source; it has ${has.join(' and ')}`);
  }
  return wanted.map((source) => kept[source] as SourceKind);
}
