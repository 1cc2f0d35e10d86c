import type { FunctionDeclaration } from '@wildrydes/infra/function-declaration';
import type { FunctionFailureLocations } from './failure-destinations.js';
import type { LocalPlatform } from './local-platform.js';

/**
 * The `npm run redrive` command line of each function that keeps what it fails on, with every
 * location named (a local run has no SSM parameters to read them from): for stream functions, the
 * quarantine and failure buckets, the mapping's on-failure prefix (narrowing the listing to this
 * run's mapping) and the deployed function (`--function-arn`: the on-failure objects re-driven are
 * those naming it, and a DynamoDB-stream function's quarantined records are re-delivered to it;
 * locally the functions are named, and served by the Lambda Invoke API, by their project name);
 * the dead-letter and on-failure queues and the bus for EventBridge rule targets. Functions
 * invoked over HTTP keep nothing (their callers retry), so they have no line.
 *
 * @example
 * ```ts
 * redriveCommandLines({ functions, platform, locations: destinations.locations });
 * // ['npm run redrive -- --function kinesis-ddb-writer --bucket wildrydes-quarantine --failure-bucket wildrydes-failures --on-failure-prefix aws/lambda/…/ --function-arn kinesis-ddb-writer',
 * //  'npm run redrive -- --function ddb-stream-reactor --bucket … --on-failure-prefix aws/lambda/…/ --function-arn ddb-stream-reactor', …]
 * ```
 */
export function redriveCommandLines(input: {
  readonly functions: readonly FunctionDeclaration[];
  readonly platform: LocalPlatform;
  readonly locations: ReadonlyMap<string, FunctionFailureLocations>;
}): string[] {
  const lines: string[] = [];
  for (const declaration of input.functions) {
    const where = input.locations.get(declaration.name) ?? {};
    const { type } = declaration.trigger;
    if ((type === 'kinesis' || type === 'dynamodb-stream') && where.onFailurePrefix !== undefined) {
      lines.push(
        `npm run redrive -- --function ${declaration.name} --bucket ${input.platform.quarantineBucketName} ` +
          `--failure-bucket ${input.platform.failureBucketName} --on-failure-prefix ${where.onFailurePrefix} --function-arn ${declaration.name}`,
      );
    } else if (type === 'eventbridge-rule' && where.deadLetterQueueUrl !== undefined && where.onFailureQueueUrl !== undefined) {
      lines.push(
        `npm run redrive -- --function ${declaration.name} --dead-letter-queue-url ${where.deadLetterQueueUrl} ` +
          `--on-failure-queue-url ${where.onFailureQueueUrl} --event-bus ${input.platform.eventBusName}`,
      );
    }
  }
  return lines;
}
