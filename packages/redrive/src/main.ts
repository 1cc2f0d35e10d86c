import { SSMClient } from '@aws-sdk/client-ssm';
import { createKinesisClient, createS3Client } from '@wildrydes/aws-clients';
import { kinesisStreamWriter } from './adapters/kinesis-stream-writer.js';
import { s3QuarantineStore } from './adapters/s3-quarantine-store.js';
import { readQuarantineBucketName } from './adapters/ssm-bucket-name.js';
import { RedriveError, UsageError } from './errors.js';
import { USAGE, parseRedriveArgs, type RedriveOptions } from './options.js';
import { functionPrefix } from './quarantine-key.js';
import { redrive, type RedriveSettings } from './redrive.js';
import { summaryLines } from './report.js';
import { total } from './tally.js';

/** Exit statuses of the command. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2 });

/** Where the command writes, and what tests may tune. */
export interface MainIo {
  /** Progress, per-record notes, the summary. */
  readonly out: (line: string) => void;
  /** Usage and set-up errors. */
  readonly err: (line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  readonly settings?: Partial<RedriveSettings>;
}

const CONSOLE_IO: MainIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/**
 * The `npm run redrive` command: parses the arguments, resolves the bucket (`--bucket`, else
 * the platform's SSM parameter), re-drives, prints the summary. AWS clients come from the SDK's
 * usual settings, so it reaches AWS with normal credentials and the local emulators through
 * `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_KINESIS` and `AWS_ENDPOINT_URL_SSM`.
 *
 * @returns the exit status: 0 nothing failed, 1 something failed, 2 bad usage
 *
 * @example
 * ```ts
 * process.exitCode = await main(['--function', 'kinesis-republisher', '--dry-run']);
 * ```
 */
export async function main(argv: readonly string[], io: MainIo = CONSOLE_IO): Promise<number> {
  let options: RedriveOptions;
  try {
    const command = parseRedriveArgs(argv);
    if (command.kind === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    options = command.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`redrive: ${error.message}`);
    io.err('Run `npm run redrive -- --help` for the options.');
    return EXIT.usage;
  }

  const s3 = createS3Client();
  const kinesis = createKinesisClient();
  try {
    const bucketName = await resolveBucketName(options);
    io.out(headerLine(options, bucketName));
    const tally = await redrive({
      options,
      store: s3QuarantineStore(s3, bucketName, io.now ? { now: io.now } : {}),
      writer: kinesisStreamWriter(kinesis, io.now ? { now: io.now } : {}),
      write: io.out,
      ...(io.now ? { now: io.now } : {}),
      ...(io.settings ? { settings: io.settings } : {}),
    });
    for (const line of summaryLines(tally, { ...options, bucketName })) io.out(line);
    return total(tally.failed) === 0 ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof RedriveError) io.err(`redrive: ${error.message}`);
    else io.err(`redrive: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  } finally {
    s3.destroy();
    kinesis.destroy();
  }
}

/** `--bucket`, else the platform's SSM parameter. */
async function resolveBucketName(options: RedriveOptions): Promise<string> {
  if (options.bucketName !== undefined) return options.bucketName;
  const ssm = new SSMClient({});
  try {
    return await readQuarantineBucketName(ssm);
  } finally {
    ssm.destroy();
  }
}

function headerLine(options: RedriveOptions, bucketName: string): string {
  const filters = [
    options.since === undefined ? '' : ` arrived since ${options.since}`,
    options.reasons === undefined ? '' : ` quarantined for ${[...options.reasons].join(' or ')}`,
  ].join('');
  const mode = options.dryRun ? ' (dry run: nothing will be changed)' : options.keep ? ' (--keep: objects stay)' : '';
  const limit = options.limit === undefined ? '' : `, at most ${options.limit}`;
  return `Re-driving records${filters} from s3://${bucketName}/${functionPrefix(options.functionName)}${limit}${mode}`;
}
