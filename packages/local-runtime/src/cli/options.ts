import { parseArgs } from 'node:util';

/** `npm start` options, validated. */
export interface StartOptions {
  readonly durationSeconds: number | undefined;
  readonly rate: number;
  readonly unicorns: number;
  readonly badRatio: number;
  readonly ridesPerSecond: number;
  readonly summaryFile: string | undefined;
  readonly seed: number;
  readonly shards: number;
  readonly port: number | undefined;
  readonly skipBuild: boolean;
  /** `--faults`: inject AWS's failure modes into every emulator the functions call. */
  readonly faults: FaultProfile;
  readonly help: boolean;
}

/** How hard `--faults` hits the emulators: `none` (default), `light` or `heavy` (which adds an outage). */
export type FaultProfile = 'none' | 'light' | 'heavy';
const FAULT_PROFILE_NAMES: readonly FaultProfile[] = ['none', 'light', 'heavy'];

export const HELP = `Usage: npm start -- [options]

Runs the whole Wild Rydes pipeline on this machine: Kinesis on kinesalite, DynamoDB and its
streams on DynamoDB Local, S3 on s3rver, EventBridge and SQS on the workspace's own; the five
functions run from their deployable bundles, wired as their CDK stacks wire them. A simulator
sends telemetry and rides; a live view shows each function's progress, and the
AWS_ENDPOINT_URL_<SERVICE> lines to paste in another terminal so that the AWS CLI and
\`npm run redrive\` reach this run. On Ctrl-C (or after --duration) the run drains and prints a
reconciliation; it exits 0 if nothing was lost, 1 if something was. A second Ctrl-C quits at
once: it stops the emulators and removes their temporary folders, without reconciling.

Options:
  --duration <seconds>   stop after this long, at most 604800 (default: run until Ctrl-C)
  --rate <n>             telemetry readings per second over the fleet (default 50)
  --unicorns <n>         size of the fleet (default 10)
  --bad-ratio <0..1>     share of malformed readings the simulator injects (default 0.05)
  --rides <n>            rides per second posted to the producer's HTTP endpoint (default 1)
  --summary <file>       also write the reconciliation as JSON to <file>
  --seed <n>             seed of the simulator, to replay a run exactly (default 1)
  --shards <n>           shards per Kinesis stream (default 2)
  --port <n>             port of the producer's HTTP endpoint (default: a free one)
  --skip-build           use the bundles in dist/apps as they are (default: build them first, cached by Nx)
  --faults <profile>     chaos: light or heavy (default none). Every emulator the functions call
                         throttles, answers 5xx, drops connections before and after doing the
                         work, and fails parts of batch calls; heavy adds an outage longer than a
                         mapping's retries, so records reach on-failure destinations. When the
                         run drains, everything in them is re-driven (as npm run redrive does),
                         then reconciled: nothing may be lost. Reproducible with --seed.
  -h, --help             show this help

Requires a Java 17+ JDK on PATH (DynamoDB Local). No AWS account, no Docker.`;

/** A bad command line: the message says which option and why. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function number(name: string, raw: string | undefined, fallback: number, check: (n: number) => boolean, rule: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) throw new UsageError(`--${name} must be ${rule} (given ${JSON.stringify(raw)})`);
  return value;
}

/** Parses `npm start` arguments; throws {@link UsageError} naming the bad option. */
export function parseStartOptions(argv: readonly string[]): StartOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        duration: { type: 'string' },
        rate: { type: 'string' },
        unicorns: { type: 'string' },
        'bad-ratio': { type: 'string' },
        rides: { type: 'string' },
        summary: { type: 'string' },
        seed: { type: 'string' },
        shards: { type: 'string' },
        port: { type: 'string' },
        'skip-build': { type: 'boolean' },
        faults: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const integer = (n: number) => Number.isInteger(n) && n > 0;
  return {
    // Whole seconds, as the live view's clock counts them; a week at most keeps the clock short.
    durationSeconds:
      v.duration === undefined ? undefined : number('duration', v.duration, 0, (n) => integer(n) && n <= 604_800, 'a whole number of seconds from 1 to 604800'),
    rate: number('rate', v.rate, 50, (n) => n >= 0 && n <= 10_000, 'between 0 and 10000 readings per second'),
    unicorns: number('unicorns', v.unicorns, 10, (n) => integer(n) && n <= 10_000, 'a whole number from 1 to 10000'),
    badRatio: number('bad-ratio', v['bad-ratio'], 0.05, (n) => n >= 0 && n <= 1, 'between 0 and 1'),
    ridesPerSecond: number('rides', v.rides, 1, (n) => n >= 0 && n <= 1_000, 'between 0 and 1000 rides per second'),
    summaryFile: v.summary,
    seed: number('seed', v.seed, 1, Number.isInteger, 'a whole number'),
    shards: number('shards', v.shards, 2, (n) => integer(n) && n <= 10, 'a whole number from 1 to 10'),
    port: v.port === undefined ? undefined : number('port', v.port, 0, (n) => integer(n) && n < 65_536, 'a port number'),
    skipBuild: v['skip-build'] ?? false,
    faults: faultProfileOf(v.faults),
    help: v.help ?? false,
  };
}

function faultProfileOf(raw: string | undefined): FaultProfile {
  if (raw === undefined) return 'none';
  const profile = FAULT_PROFILE_NAMES.find((name) => name === raw);
  if (profile === undefined) throw new UsageError(`--faults must be one of ${FAULT_PROFILE_NAMES.join(', ')} (given ${JSON.stringify(raw)})`);
  return profile;
}
