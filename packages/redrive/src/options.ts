import { parseArgs } from 'node:util';
import { QuarantineReasonSchema, type QuarantineReason } from '@wildrydes/schemas';
import { UsageError } from './errors.js';

/** What the operator asked for, validated. */
export interface RedriveOptions {
  /** The Nx project name of the function whose quarantine is re-driven (the key prefix). */
  readonly functionName: string;
  /** The quarantine bucket; `undefined` means: read it from the platform's SSM parameter. */
  readonly bucketName: string | undefined;
  /** Only records that arrived on or after this UTC day (`YYYY-MM-DD`). */
  readonly since: string | undefined;
  /** Only records quarantined for one of these reasons; `undefined` means any reason. */
  readonly reasons: ReadonlySet<QuarantineReason> | undefined;
  /** Print what would happen, change nothing. */
  readonly dryRun: boolean;
  /** Re-drive at most this many records, the earliest first. */
  readonly limit: number | undefined;
  /** Leave the quarantine objects in place after their records were re-driven. */
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
export const USAGE = `Usage: npm run redrive -- --function <name> [options]

Re-drives quarantined records of one function: puts each record's original
bytes back onto the Kinesis stream it came from, with its original partition
key, in its original order per partition key (stream, shard, sequence number),
then deletes its quarantine object. Run it once the cause is fixed (a producer
bug fixed, a schema loosened and deployed).

Options:
  --function <name>  the function whose quarantine to re-drive, e.g.
                     kinesis-republisher (required; its objects are under
                     <name>/ in the bucket)
  --bucket <name>    the quarantine bucket (default: the SSM parameter
                     /wildrydes/platform/quarantine-bucket-name written by
                     the platform stack)
  --since <date>     only records that arrived on or after this UTC day,
                     YYYY-MM-DD
  --reason <reason>  only records quarantined for this reason; repeat it or
                     separate with commas for several. One of:
                     ${wrapList(REASONS, 79 - 21).join(`\n${' '.repeat(21)}`)}
  --dry-run          list what would be re-driven and skipped; write and
                     delete nothing
  --limit <n>        re-drive at most n records, the earliest of each shard
                     first
  --keep             keep the quarantine objects after re-driving (a second
                     run re-drives them again: duplicates)
  -h, --help         show this help

Records that cannot be re-driven byte-exact (data that is not valid base64)
are skipped and kept. A record that fails holds back the later records of its
partition key (and a record that cannot be read, those of its shard), so
nothing overtakes it; they stay quarantined for the next run. Filtering by
--since or --reason re-drives matching records ahead of earlier, non-matching
ones of the same partition key.

AWS credentials, region and endpoints come from the usual SDK settings
(AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_KINESIS,
AWS_ENDPOINT_URL_SSM, ...). It needs ssm:GetParameter (without --bucket),
s3:ListBucket, s3:GetObject and s3:DeleteObject on the bucket,
kinesis:PutRecords on the source streams, and kms:Decrypt and
kms:GenerateDataKey on the platform key.

Against a local run of \`npm start\`: while it runs, it prints lines to paste
into another terminal (export AWS_ENDPOINT_URL_KINESIS=...,
export AWS_ENDPOINT_URL_S3=..., the region and dummy credentials). Paste them
there, then name the local bucket (there is no SSM parameter locally):
npm run redrive -- --bucket wildrydes-quarantine --function kinesis-republisher

Exit status: 0 nothing failed, 1 something failed (see summary), 2 bad usage.`;

/** Nx project names: lower-case letters, digits and dashes. A slash would escape the prefix. */
const FUNCTION_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;
/** S3 bucket naming rules (general purpose buckets). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
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
      bucketName: bucketNameOf(values.bucket),
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
        bucket: { type: 'string' },
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

function bucketNameOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!BUCKET_NAME.test(raw)) {
    throw new UsageError(`--bucket must be an S3 bucket name: 3 to 63 of a-z, 0-9, . and - (given ${JSON.stringify(raw)})`);
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
