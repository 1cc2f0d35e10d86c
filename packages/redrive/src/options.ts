import { parseArgs } from 'node:util';
import { PLATFORM_PARAMETERS, functionParameterPath } from '@wildrydes/infra/function-declaration';
import { QuarantineReasonSchema, type QuarantineReason } from '@wildrydes/schemas';
import { UsageError } from './errors.js';

/** Where a function's failures are kept, as the operator names them on the command line. */
export const REDRIVE_SOURCES = ['quarantine', 'on-failure', 'dead-letter'] as const;
/**
 * `quarantine`: records a stream function quarantined; `on-failure`: what Lambda gave up on after
 * its retries (a stream function's S3 on-failure objects, an EventBridge target's on-failure
 * queue); `dead-letter`: events EventBridge could not deliver (the rule target's DLQ).
 */
export type RedriveSource = (typeof REDRIVE_SOURCES)[number];

/** What the operator asked for, validated. */
export interface RedriveOptions {
  /**
   * The Nx project name of the function whose failures are re-driven: its declaration, its
   * quarantine prefix, its SSM parameters. Not the deployed function's name, which
   * CloudFormation generates (see {@link RedriveOptions.functionArn}).
   */
  readonly functionName: string;
  /** The sources to re-drive; `undefined` means every source the function has. */
  readonly sources: ReadonlySet<RedriveSource> | undefined;
  /** The quarantine bucket; `undefined` means: read it from the platform's SSM parameter. */
  readonly bucketName: string | undefined;
  /** The failure bucket (S3 on-failure destinations); `undefined`: from SSM. */
  readonly failureBucketName: string | undefined;
  /**
   * One mapping's key prefix in the failure bucket, `aws/lambda/<ESM-UUID>/`, to list instead of
   * the whole `aws/lambda/`; `undefined`: list it all (objects are chosen by the function they name).
   */
  readonly onFailurePrefix: string | undefined;
  /** The rule target's dead-letter queue; `undefined`: from SSM. */
  readonly deadLetterQueueUrl: string | undefined;
  /** The function's asynchronous on-failure queue; `undefined`: from SSM. */
  readonly onFailureQueueUrl: string | undefined;
  /** The bus events go back to when a message does not name one; `undefined`: from SSM. */
  readonly eventBusName: string | undefined;
  /**
   * The deployed function, as Lambda's Invoke API takes it (name, ARN or partial ARN, optionally
   * with a version or alias): the on-failure objects re-driven are those naming it, and
   * quarantined DynamoDB stream records are re-delivered to it; `undefined`: from SSM, when the
   * source needs it.
   */
  readonly functionArn: string | undefined;
  /** Only what arrived (quarantine), failed (on-failure objects) or was queued on or after this UTC day (`YYYY-MM-DD`). */
  readonly since: string | undefined;
  /** Only records quarantined for one of these reasons; `undefined` means any reason. */
  readonly reasons: ReadonlySet<QuarantineReason> | undefined;
  /** Print what would happen, change nothing. */
  readonly dryRun: boolean;
  /** Re-drive at most this many records, objects or messages per source, the earliest first. */
  readonly limit: number | undefined;
  /** Leave the objects and messages in place after they were re-driven. */
  readonly keep: boolean;
}

/** The command line, understood: show the help, or run. */
export type RedriveCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly options: RedriveOptions };

const REASONS = QuarantineReasonSchema.options;

/** `items` joined by ", " in lines of at most `width` characters. */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && `${last}, ${item},`.length <= width) lines[lines.length - 1] = `${last}, ${item}`;
    else lines.push(item);
  }
  return lines.map((line, index) => (index < lines.length - 1 ? `${line},` : line));
}

/** The `--help` text. */
export const USAGE = `Usage: npm run redrive -- --function <name> [--source <source>]... [options]

Puts back what one function failed on, once the cause is fixed (a producer
bug fixed, a schema loosened, an outage over). Sources (default: every source
the function has, from its declaration apps/<name>/infra/declaration.ts):

  quarantine   Kinesis and DynamoDB-stream functions: records the function
               quarantined. A Kinesis record goes back onto the stream it
               came from (original bytes, partition key, order per key); a
               DynamoDB stream record is re-delivered to the deployed
               function (--function-arn) as a one-record DynamoDB stream
               event (Lambda Invoke).
  on-failure   Kinesis and DynamoDB-stream functions: the batches Lambda gave
               up on after its retries, kept in the failure bucket (S3
               on-failure destination, the whole batch in "payload"): the
               objects under aws/lambda/ whose requestContext.functionArn
               names the deployed function (--function-arn), whatever
               mapping wrote them; other functions' objects are left alone.
               Kinesis records go back onto their stream (bytes, partition
               keys, order per key); a DynamoDB batch is re-delivered to the
               function that failed on it, exactly as stored.
               EventBridge rule targets: the on-failure queue (events the
               function threw on after Lambda's retries): each event is put
               back on the bus.
  dead-letter  EventBridge rule targets: the rule target's dead-letter queue
               (events EventBridge could not deliver): each event is put back
               on the bus named in the message's RULE_ARN.

An object or message is deleted only once everything in it was re-driven;
what is not re-driven stays for the next run. A queue is re-driven as it was
when the run started: a message queued since (an event put back that failed
again comes back as a new message) is skipped, ARRIVED_DURING_RUN, and left
for the next run. A Function URL function keeps nothing (its callers retry),
so there is nothing to re-drive.

Options:
  --function <name>      the function, e.g. kinesis-republisher (required)
  --source <source>      quarantine, on-failure or dead-letter; repeat it or
                         separate with commas for several
  --bucket <name>        the quarantine bucket (default: SSM parameter
                         ${PLATFORM_PARAMETERS.quarantineBucketName})
  --failure-bucket <name>
                         the failure bucket (default: SSM parameter
                         ${PLATFORM_PARAMETERS.failureBucketName})
  --on-failure-prefix <prefix>
                         list only one mapping's objects there,
                         aws/lambda/<ESM-UUID>/ (e.g. the SSM parameter
                         ${functionParameterPath('<name>', 'onFailurePrefix')};
                         default: all of aws/lambda/, so objects of a
                         mapping replaced since are found too)
  --dead-letter-queue-url <url>
                         the rule target's DLQ (default: SSM parameter
                         ${functionParameterPath('<name>', 'deadLetterQueueUrl')})
  --on-failure-queue-url <url>
                         the on-failure queue (default: SSM parameter
                         ${functionParameterPath('<name>', 'onFailureQueueUrl')})
  --event-bus <name>     the bus for events whose message names none
                         (default: SSM ${PLATFORM_PARAMETERS.eventBusName})
  --function-arn <name or ARN>
                         the deployed function (its name is generated by
                         CloudFormation; default: SSM parameter
                         ${functionParameterPath('<name>', 'functionArn')}).
                         on-failure: only objects naming it are re-driven;
                         quarantine of a DynamoDB-stream function: the
                         records are re-delivered to it
  --since <date>         only what arrived (quarantine), failed (on-failure
                         objects) or was queued on or after this UTC day,
                         YYYY-MM-DD
  --reason <reason>      quarantine only: only records quarantined for this
                         reason; repeat it or separate with commas. One of:
                         ${wrapList(REASONS, 79 - 25).join(`\n${' '.repeat(25)}`)}
  --dry-run              list what would be re-driven and skipped; write and
                         delete nothing (queue messages are made visible
                         again)
  --limit <n>            re-drive at most n records (quarantine), objects
                         (on-failure objects) or messages (queues) per
                         source, the earliest first
  --keep                 keep objects and messages after re-driving them (a
                         second run re-drives them again: duplicates)
  -h, --help             show this help

What cannot be re-driven as it was (data that is not valid base64, an
on-failure record without its payload, a message that is not an event) is
skipped and kept. A record that fails holds back the later records of its
partition key (an object that cannot be read, or a DynamoDB batch that fails,
those of its shard), so nothing overtakes it; they stay for the next run.
--since and --reason re-drive matching records ahead of earlier, non-matching
ones of the same partition key.

AWS credentials, region and endpoints come from the usual SDK settings
(AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_KINESIS,
AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_EVENTBRIDGE,
AWS_ENDPOINT_URL_SSM, ...). It needs ssm:GetParameter (for what is not given
as an option); s3:ListBucket, s3:GetObject and s3:DeleteObject on the
buckets; kinesis:PutRecords on the source streams; lambda:InvokeFunction on
the function; sqs:ReceiveMessage, sqs:DeleteMessage and
sqs:ChangeMessageVisibility on the queues; events:PutEvents on the bus; and
kms:Decrypt and kms:GenerateDataKey on the platform key.

Against a local run of \`npm start\`: while it runs, it prints lines to paste
into another terminal (export AWS_ENDPOINT_URL_KINESIS=...,
export AWS_ENDPOINT_URL_S3=..., the region and dummy credentials) and the
full command with every location (there is no SSM locally), e.g.
npm run redrive -- --bucket wildrydes-quarantine --function kinesis-republisher
  --source quarantine

Exit status: 0 nothing failed, 1 something failed (see summary), 2 bad usage.
What is skipped because it cannot be re-driven as it is does not fail the
run (exit 0): the summary then ends with "N kept: they cannot be re-driven
as they are (see the skipped lines above)"; look at those by hand.`;

/** Nx project names: lower-case letters, digits and dashes. A slash would escape the prefix. */
const FUNCTION_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;
/** S3 bucket naming rules (general purpose buckets). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ON_FAILURE_PREFIX = /^aws\/lambda\/[A-Za-z0-9-]+\/$/;
/** EventBridge's EventBusName: a name (`[/\.\-_A-Za-z0-9]+`) or an ARN, at most 1600 characters. */
const EVENT_BUS = /^(?:[/.\-_A-Za-z0-9]{1,256}|arn:[\w-]+:events:[\w-]+:\d{12}:event-bus\/[/.\-_A-Za-z0-9]{1,256})$/;
/**
 * Lambda Invoke's `FunctionName` ("Invoke", AWS Lambda API Reference): a function name (at most
 * 64 characters), a partial ARN `<account>:function:<name>` or a function ARN, each optionally
 * followed by `:<version or alias>`; at most 170 characters in all.
 */
const LAMBDA_FUNCTION_NAME =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:|\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(?::(?:\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;
const LAMBDA_FUNCTION_NAME_MAX_LENGTH = 170;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITIVE_INTEGER = /^[1-9]\d{0,14}$/;

/**
 * Parses the command line of `npm run redrive`.
 *
 * @throws UsageError naming the option and the value given, for an unknown option, a missing
 *   or malformed value, or a missing `--function`
 *
 * @example
 * ```ts
 * parseRedriveArgs(['--function', 'kinesis-republisher', '--since', '2026-11-01', '--dry-run']);
 * // { kind: 'run', options: { functionName: 'kinesis-republisher', since: '2026-11-01', dryRun: true, ... } }
 * ```
 */
export function parseRedriveArgs(argv: readonly string[]): RedriveCommand {
  const { values } = parseStrictly(argv);
  if (values.help === true) return { kind: 'help' };
  return {
    kind: 'run',
    options: {
      functionName: functionNameOf(values.function),
      sources: sourcesOf(values.source),
      bucketName: bucketNameOf(values.bucket, '--bucket'),
      failureBucketName: bucketNameOf(values['failure-bucket'], '--failure-bucket'),
      onFailurePrefix: onFailurePrefixOf(values['on-failure-prefix']),
      deadLetterQueueUrl: queueUrlOf(values['dead-letter-queue-url'], '--dead-letter-queue-url'),
      onFailureQueueUrl: queueUrlOf(values['on-failure-queue-url'], '--on-failure-queue-url'),
      eventBusName: eventBusOf(values['event-bus']),
      functionArn: functionArnOf(values['function-arn']),
      since: sinceOf(values.since),
      reasons: reasonsOf(values.reason),
      dryRun: values['dry-run'] === true,
      limit: limitOf(values.limit),
      keep: values.keep === true,
    },
  };
}

function parseStrictly(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        function: { type: 'string' },
        source: { type: 'string', multiple: true },
        bucket: { type: 'string' },
        'failure-bucket': { type: 'string' },
        'on-failure-prefix': { type: 'string' },
        'dead-letter-queue-url': { type: 'string' },
        'on-failure-queue-url': { type: 'string' },
        'event-bus': { type: 'string' },
        'function-arn': { type: 'string' },
        since: { type: 'string' },
        reason: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        limit: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

function functionNameOf(raw: string | undefined): string {
  if (raw === undefined) throw new UsageError('--function is required, e.g. --function kinesis-republisher');
  if (!FUNCTION_NAME.test(raw)) {
    throw new UsageError(`--function must be a function's project name: lower-case letters, digits and dashes (given ${JSON.stringify(raw)})`);
  }
  return raw;
}

function sourcesOf(raw: readonly string[] | undefined): ReadonlySet<RedriveSource> | undefined {
  if (raw === undefined) return undefined;
  const sources = new Set<RedriveSource>();
  for (const value of raw.flatMap((entry) => entry.split(','))) {
    const source = REDRIVE_SOURCES.find((known) => known === value.trim());
    if (source === undefined) throw new UsageError(`--source must be one of ${REDRIVE_SOURCES.join(', ')} (given ${JSON.stringify(value)})`);
    sources.add(source);
  }
  return sources;
}

function bucketNameOf(raw: string | undefined, flag: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!BUCKET_NAME.test(raw)) {
    throw new UsageError(`${flag} must be an S3 bucket name: 3 to 63 of a-z, 0-9, . and - (given ${JSON.stringify(raw)})`);
  }
  return raw;
}

/** Lambda's S3 on-failure keys start `aws/lambda/<ESM-UUID>/`; a prefix naming more would mix mappings. */
function onFailurePrefixOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!ON_FAILURE_PREFIX.test(raw)) {
    throw new UsageError(`--on-failure-prefix must be aws/lambda/<event source mapping UUID>/ (given ${JSON.stringify(raw)})`);
  }
  return raw;
}

function queueUrlOf(raw: string | undefined, flag: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new UsageError(`${flag} must be a queue URL, e.g. https://sqs.us-east-1.amazonaws.com/123456789012/my-queue (given ${JSON.stringify(raw)})`);
  }
  return raw;
}

function eventBusOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!EVENT_BUS.test(raw)) throw new UsageError(`--event-bus must be an event bus name or ARN (given ${JSON.stringify(raw)})`);
  return raw;
}

function functionArnOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > LAMBDA_FUNCTION_NAME_MAX_LENGTH || !LAMBDA_FUNCTION_NAME.test(raw)) {
    throw new UsageError(
      `--function-arn must be a Lambda function name or ARN, e.g. arn:aws:lambda:us-east-1:123456789012:function:my-function (given ${JSON.stringify(raw)})`,
    );
  }
  return raw;
}

function sinceOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isCalendarDay(raw)) throw new UsageError(`--since must be a UTC day as YYYY-MM-DD, e.g. 2026-11-01 (given ${JSON.stringify(raw)})`);
  return raw;
}

/** A real UTC day: it survives the round trip through Date (2026-02-30 becomes March 2nd). */
function isCalendarDay(raw: string): boolean {
  if (!DAY.test(raw)) return false;
  const epochMs = Date.parse(`${raw}T00:00:00Z`);
  return !Number.isNaN(epochMs) && new Date(epochMs).toISOString().slice(0, 10) === raw;
}

function reasonsOf(raw: readonly string[] | undefined): ReadonlySet<QuarantineReason> | undefined {
  if (raw === undefined) return undefined;
  const reasons = new Set<QuarantineReason>();
  for (const value of raw.flatMap((entry) => entry.split(','))) {
    const reason = REASONS.find((known) => known === value.trim());
    if (reason === undefined) throw new UsageError(`--reason must be one of ${REASONS.join(', ')} (given ${JSON.stringify(value)})`);
    reasons.add(reason);
  }
  return reasons;
}

function limitOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!POSITIVE_INTEGER.test(raw)) throw new UsageError(`--limit must be an integer >= 1 (given ${JSON.stringify(raw)})`);
  return Number(raw);
}
