import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { putEvents } from '@wildrydes/aws-clients';
import { eventBridgePublisher } from './adapters/eventbridge-publisher.js';
import { kinesisStreamWriter } from './adapters/kinesis-stream-writer.js';
import { lambdaInvoker } from './adapters/lambda-invoker.js';
import { s3OnFailureStore } from './adapters/s3-on-failure-store.js';
import { s3QuarantineStore } from './adapters/s3-quarantine-store.js';
import { sqsEventQueue, type SqsEventQueueSettings } from './adapters/sqs-event-queue.js';
import { SetupError } from './errors.js';
import { requireLocation, type RedriveLocations } from './locations.js';
import type { RedriveOptions } from './options.js';
import { functionPrefix } from './quarantine-key.js';
import { redrive, type RedriveSettings } from './redrive.js';
import { functionNameOf } from './plan-on-failure.js';
import { redriveOnFailureObjects } from './redrive-on-failure.js';
import { redriveQueue } from './redrive-queue.js';
import { summaryLines } from './report.js';
import type { SourceKind } from './sources.js';
import type { RedriveTally } from './tally.js';

/** The SDK clients the sources use; each source needs only its own. */
export interface RedriveClients {
  /** quarantine, on-failure-objects */
  readonly s3?: S3Client;
  /** Kinesis records of quarantine and on-failure-objects */
  readonly kinesis?: KinesisClient;
  /** DynamoDB stream records of quarantine and on-failure-objects */
  readonly lambda?: LambdaClient;
  /** dead-letter-queue, on-failure-queue */
  readonly sqs?: SQSClient;
  /** dead-letter-queue, on-failure-queue */
  readonly eventbridge?: Parameters<typeof putEvents>[0];
}

/** What to re-drive, from where, with what: everything resolved (no SSM, no declaration lookup). */
export interface RedriveFunctionInput {
  readonly functionName: string;
  /** In the order to re-drive them. */
  readonly sources: readonly SourceKind[];
  readonly locations: RedriveLocations;
  readonly clients: RedriveClients;
  /** @default a real run of everything: no filter, no limit, deleting what was re-driven */
  readonly filters?: Partial<Pick<RedriveOptions, 'since' | 'reasons' | 'dryRun' | 'limit' | 'keep'>>;
  /** Receives every line: headers, per-item notes, progress, summaries. */
  readonly write: (line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  readonly settings?: Partial<RedriveSettings> & { readonly queue?: SqsEventQueueSettings };
}

/** One source's outcome. */
export interface SourceTally {
  readonly source: SourceKind;
  /** Where it was, e.g. `bucket wildrydes-quarantine`, `queue https://…`. */
  readonly where: string;
  readonly tally: RedriveTally;
}

/**
 * Re-drives the given sources of one function, one after the other, each with a header line,
 * progress and its summary, and returns their tallies. The library entry of `npm run redrive`
 * (which resolves locations from options and SSM, then calls this) and of the local runtime at
 * drain time. Nothing is thrown for what fails along the way (it is counted); only a source that
 * cannot start (its listing fails, a location or client is missing) throws a SetupError, after
 * the sources before it were re-driven.
 *
 * @example
 * ```ts
 * const tallies = await redriveFunction({
 *   functionName: 'kinesis-ddb-writer',
 *   sources: ['quarantine', 'on-failure-objects'],
 *   locations: { quarantineBucket: 'wildrydes-quarantine', failureBucket: 'wildrydes-failures', functionArn: 'WildRydes-KinesisDdbWriter-Fn1A2B' },
 *   clients: { s3, kinesis, lambda },
 *   write: (line) => console.log(line),
 * });
 * const failed = tallies.some(({ tally }) => total(tally.failed) > 0);
 * ```
 */
export async function redriveFunction(input: RedriveFunctionInput): Promise<SourceTally[]> {
  const filters = { since: undefined, reasons: undefined, dryRun: false, limit: undefined, keep: false, ...input.filters };
  const results: SourceTally[] = [];
  for (const source of input.sources) {
    const { where, from, of, keptIn, filteredBy, run } = prepare(source, input, filters);
    input.write(headerLine(source, { from, of }, filters));
    const tally = await run();
    const context = { functionName: input.functionName, where, keptIn, dryRun: filters.dryRun, keep: filters.keep, limit: filters.limit, ...(filteredBy === undefined ? {} : { filteredBy }) };
    for (const line of summaryLines(tally, context)) {
      input.write(line);
    }
    results.push({ source, where, tally });
  }
  return results;
}

type Filters = Pick<RedriveOptions, 'since' | 'reasons' | 'dryRun' | 'limit' | 'keep'>;

/** Where Lambda writes every stream mapping's S3 on-failure objects: `aws/lambda/<ESM-UUID>/…`. */
const ON_FAILURE_ROOT_PREFIX = 'aws/lambda/';

/** A source ready to run: where it is (summary), where it reads from (header), what failures stay in, what filters it. */
interface PreparedSource {
  readonly where: string;
  readonly from: string;
  readonly keptIn: string;
  /** Whose items, when the source holds others' too, e.g. `function WildRydes-…`. */
  readonly of?: string;
  readonly filteredBy?: string;
  readonly run: () => Promise<RedriveTally>;
}

function prepare(source: SourceKind, input: RedriveFunctionInput, filters: Filters): PreparedSource {
  const { locations, write } = input;
  const common = { write, ...(input.now ? { now: input.now } : {}), ...(input.settings ? { settings: input.settings } : {}) };
  const now = input.now ? { now: input.now } : {};
  switch (source) {
    case 'quarantine': {
      const bucket = requireLocation(locations, 'quarantineBucket', source);
      const s3 = requireClient(input.clients.s3, 's3', source);
      return {
        where: `bucket ${bucket}`,
        from: `s3://${bucket}/${functionPrefix(input.functionName)}`,
        keptIn: 'the quarantine',
        run: () =>
          redrive({
            ...common,
            options: { functionName: input.functionName, ...filters },
            store: s3QuarantineStore(s3, bucket, now),
            writer: lazyWriter(input.clients.kinesis, source, now),
            invoker: lazyInvoker(input.clients.lambda, source),
            ...(locations.functionArn === undefined ? {} : { redeliverTo: locations.functionArn }),
          }),
      };
    }
    case 'on-failure-objects': {
      const bucket = requireLocation(locations, 'failureBucket', source);
      const deployedFunction = requireLocation(locations, 'functionArn', source);
      const prefix = locations.onFailurePrefix ?? ON_FAILURE_ROOT_PREFIX;
      const s3 = requireClient(input.clients.s3, 's3', source);
      return {
        where: `bucket ${bucket} under ${prefix}`,
        from: `s3://${bucket}/${prefix}`,
        of: `function ${functionNameOf(deployedFunction)}`,
        keptIn: 'the failure bucket',
        filteredBy: "(--since, other functions' objects)",
        run: () =>
          redriveOnFailureObjects({
            ...common,
            options: filters,
            prefix,
            deployedFunction,
            store: s3OnFailureStore(s3, bucket, now),
            writer: lazyWriter(input.clients.kinesis, source, now),
            invoker: lazyInvoker(input.clients.lambda, source),
          }),
      };
    }
    case 'dead-letter-queue':
    case 'on-failure-queue': {
      const queueUrl = requireLocation(locations, source === 'dead-letter-queue' ? 'deadLetterQueueUrl' : 'onFailureQueueUrl', source);
      const fallbackBus = requireLocation(locations, 'eventBusName', source);
      const sqs = requireClient(input.clients.sqs, 'sqs', source);
      const eventbridge = requireClient(input.clients.eventbridge, 'eventbridge', source);
      return {
        where: `queue ${queueUrl}`,
        from: queueUrl,
        keptIn: 'the queue',
        filteredBy: '(--since)',
        run: () =>
          redriveQueue({
            ...common,
            options: filters,
            queueKind: source === 'dead-letter-queue' ? 'dead-letter' : 'on-failure',
            queueName: queueUrl,
            fallbackBus,
            queue: sqsEventQueue(sqs, queueUrl, { ...input.settings?.queue, ...now }),
            publisher: eventBridgePublisher(eventbridge, now),
          }),
      };
    }
  }
}

function requireClient<T>(client: T | undefined, name: keyof RedriveClients, source: SourceKind): T {
  if (client === undefined) throw new SetupError(`source ${source} needs clients.${name}`);
  return client;
}

/** The Kinesis client is needed only once a Kinesis record is met (a DynamoDB-stream function's sources have none). */
function lazyWriter(client: KinesisClient | undefined, source: SourceKind, now: { now?: () => number }): ReturnType<typeof kinesisStreamWriter> {
  return {
    put: (streamName, records) => kinesisStreamWriter(requireClient(client, 'kinesis', source), now).put(streamName, records),
  };
}

/** Kinesis functions never invoke: a Lambda client is needed only once a DynamoDB stream record is met. */
function lazyInvoker(client: LambdaClient | undefined, source: SourceKind): ReturnType<typeof lambdaInvoker> {
  return {
    invoke: (target, payload) => lambdaInvoker(requireClient(client, 'lambda', source)).invoke(target, payload),
  };
}

function headerLine(source: SourceKind, { from, of }: Pick<PreparedSource, 'from' | 'of'>, filters: Filters): string {
  const what: Record<SourceKind, string> = {
    quarantine: 'records',
    'on-failure-objects': 'on-failure batches',
    'dead-letter-queue': 'undelivered events (dead-letter queue)',
    'on-failure-queue': 'failed events (on-failure queue)',
  };
  const filterText = [
    filters.since === undefined ? '' : ` ${source === 'quarantine' ? 'arrived' : source === 'on-failure-objects' ? 'failed' : 'queued'} since ${filters.since}`,
    filters.reasons === undefined || source !== 'quarantine' ? '' : ` quarantined for ${[...filters.reasons].join(' or ')}`,
  ].join('');
  const mode = filters.dryRun ? ' (dry run: nothing will be changed)' : filters.keep ? ' (--keep: nothing is deleted)' : '';
  const limit = filters.limit === undefined ? '' : `, at most ${filters.limit}`;
  return `Re-driving ${what[source]}${of === undefined ? '' : ` of ${of}`}${filterText} from ${from}${limit}${mode}`;
}
