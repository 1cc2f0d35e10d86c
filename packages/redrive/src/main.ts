import { fileURLToPath } from 'node:url';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { createEventBridgeClient, createKeepAliveHttpHandler, createKinesisClient, createS3Client } from '@wildrydes/aws-clients';
import { findFunctionDeclarations, type FunctionDeclaration, type FunctionTriggerType } from '@wildrydes/infra/function-declaration';
import { readParameter } from './adapters/ssm-bucket-name.js';
import { RedriveError, UsageError } from './errors.js';
import { resolveLocations } from './locations.js';
import { USAGE, parseRedriveArgs, type RedriveOptions } from './options.js';
import { redriveFunction, type RedriveFunctionInput } from './redrive-function.js';
import type { RedriveSettings } from './redrive.js';
import { planSources, type SourceKind } from './sources.js';
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
  readonly settings?: RedriveFunctionInput['settings'] & Partial<RedriveSettings>;
  /**
   * Where the function declarations are (`apps/<fn>/infra/declaration.ts`).
   * @default the workspace this package is in
   */
  readonly workspaceRoot?: string;
}

const CONSOLE_IO: MainIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** A synchronous invocation may run for Lambda's longest timeout, 900 s. */
const LAMBDA_REQUEST_TIMEOUT_MS = 960_000;

/**
 * The `npm run redrive` command: parses the arguments, finds the function's declaration to
 * know its sources (or checks the named ones), resolves each source's location (its option,
 * else its SSM parameter), re-drives every source ({@link redriveFunction}) and prints their
 * summaries. AWS clients come from the SDK's usual settings, so it reaches AWS with normal
 * credentials and the local emulators through `AWS_ENDPOINT_URL_<SERVICE>`.
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
  let sources: SourceKind[];
  let triggerType: FunctionTriggerType;
  try {
    const command = parseRedriveArgs(argv);
    if (command.kind === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    options = command.options;
    const declaration = await declarationOf(options.functionName, io.workspaceRoot ?? WORKSPACE_ROOT);
    triggerType = declaration.trigger.type;
    sources = planSources(options.functionName, triggerType, options.sources);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`redrive: ${error.message}`);
    io.err('Run `npm run redrive -- --help` for the options.');
    return EXIT.usage;
  }

  const clients = {
    s3: createS3Client(),
    kinesis: createKinesisClient(),
    lambda: new LambdaClient({ requestHandler: createKeepAliveHttpHandler({ requestTimeoutMs: LAMBDA_REQUEST_TIMEOUT_MS }) }),
    sqs: new SQSClient({ requestHandler: createKeepAliveHttpHandler() }),
    eventbridge: createEventBridgeClient(),
  };
  const ssm = new SSMClient({});
  try {
    const locations = await resolveLocations(options, { triggerType, sources }, (name, hint) => readParameter(ssm, name, hint));
    const tallies = await redriveFunction({
      functionName: options.functionName,
      sources,
      locations,
      clients,
      filters: options,
      write: io.out,
      ...(io.now ? { now: io.now } : {}),
      ...(io.settings ? { settings: io.settings } : {}),
    });
    return tallies.every(({ tally }) => total(tally.failed) === 0) ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof RedriveError) io.err(`redrive: ${error.message}`);
    else io.err(`redrive: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  } finally {
    ssm.destroy();
    for (const client of Object.values(clients)) client.destroy();
  }
}

/** The function's declaration, or a usage error naming the functions there are. */
async function declarationOf(functionName: string, workspaceRoot: string): Promise<FunctionDeclaration> {
  const declarations = await findFunctionDeclarations(workspaceRoot);
  const declaration = declarations.find(({ name }) => name === functionName);
  if (declaration === undefined) {
    throw new UsageError(`--function must name a function of this workspace: ${declarations.map(({ name }) => name).join(', ')} (given ${JSON.stringify(functionName)})`);
  }
  return declaration;
}
