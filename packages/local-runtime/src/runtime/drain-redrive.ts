import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { putEvents } from '@wildrydes/aws-clients';
import type { FunctionDeclaration } from '@wildrydes/infra/function-declaration';
import { planSources, redriveFunction } from '@wildrydes/redrive';
import type { FunctionFailureLocations } from './failure-destinations.js';
import type { LocalPlatform } from './local-platform.js';

/** What {@link redriveUntilEmpty} needs: how much is left, how to re-drive it, how to wait for the pipeline. */
export interface RedriveLoop {
  /** Objects and messages left in the on-failure destinations. */
  left(): Promise<number>;
  /** Re-drives everything once; resolves to the objects and messages re-driven. */
  redrive(): Promise<number>;
  /** Waits until the pipeline has processed what was put back; resolves to whether it settled. */
  settle(): Promise<boolean>;
  write(text: string): void;
  /** @default 3 */
  readonly maxRounds?: number;
}

/**
 * Re-drives the on-failure destinations until they are empty: a round re-drives everything in
 * them, then waits for the pipeline to process it (which may, rarely, send something back to a
 * destination). Stops when nothing is left, when a round put nothing back (what is left cannot be
 * re-driven: the reconciliation reports it), or after `maxRounds`.
 *
 * @returns the objects and messages re-driven over all rounds
 *
 * @example
 * ```ts
 * const redriven = await redriveUntilEmpty({ left, redrive, settle, write: (text) => process.stdout.write(text) });
 * ```
 */
export async function redriveUntilEmpty(loop: RedriveLoop): Promise<number> {
  let redriven = 0;
  for (let round = 1; round <= (loop.maxRounds ?? 3); round += 1) {
    const left = await loop.left();
    if (left === 0) break;
    loop.write(`Re-driving the on-failure destinations (round ${round}): ${left} object(s) and message(s) in them\n`);
    const putBack = await loop.redrive();
    redriven += putBack;
    loop.write(`Round ${round}: ${putBack} object(s) and message(s) re-driven; waiting for the pipeline to process them\n`);
    await loop.settle();
    if (putBack === 0) break;
  }
  return redriven;
}

/** What {@link redriveEverything} re-drives, and with what. */
export interface DrainRedrive {
  readonly functions: readonly FunctionDeclaration[];
  readonly platform: LocalPlatform;
  readonly locations: ReadonlyMap<string, FunctionFailureLocations>;
  /** The runtime's own clients, straight to the emulators (never through the fault proxies). */
  readonly clients: {
    readonly s3: S3Client;
    readonly sqs: SQSClient;
    readonly kinesis: KinesisClient;
    readonly lambda: LambdaClient;
    readonly eventbridge: Parameters<typeof putEvents>[0];
  };
  readonly write: (line: string) => void;
}

/**
 * Re-drives every function's on-failure destinations through the code of `npm run redrive`
 * (`redriveFunction`): stream mappings' invocation records in the failure bucket (Kinesis records
 * back onto their stream, DynamoDB stream batches re-delivered to the function through the local
 * Lambda Invoke API), and the EventBridge rule targets' dead-letter and on-failure queues (events
 * back onto the bus). The quarantine is left alone: its records can never succeed as they are.
 *
 * @returns the objects and messages re-driven (each tally's `redriven`)
 */
export async function redriveEverything(input: DrainRedrive): Promise<number> {
  let putBack = 0;
  for (const declaration of input.functions) {
    const where = input.locations.get(declaration.name);
    if (where === undefined || declaration.trigger.type === 'function-url') continue;
    const sources = planSources(declaration.name, declaration.trigger.type, undefined).filter((source) => source !== 'quarantine');
    const tallies = await redriveFunction({
      functionName: declaration.name,
      sources,
      locations: {
        failureBucket: input.platform.failureBucketName,
        eventBusName: input.platform.eventBusName,
        // Locally each function is named by its project name: its on-failure objects name it
        // (requestContext.functionArn), and the Lambda Invoke API serves it under it.
        functionArn: declaration.name,
        ...where,
      },
      clients: input.clients,
      write: input.write,
    });
    putBack += tallies.reduce((sum, { tally }) => sum + tally.redriven, 0);
  }
  return putBack;
}

