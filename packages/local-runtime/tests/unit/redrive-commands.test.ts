import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, findFunctionDeclarations, type FunctionDeclaration, type PlatformParameterName } from '@wildrydes/infra/function-declaration';
import { parseRedriveArgs } from '@wildrydes/redrive';
import type { FunctionFailureLocations } from '../../src/runtime/failure-destinations.js';
import type { LocalPlatform } from '../../src/runtime/local-platform.js';
import { redriveCommandLines } from '../../src/runtime/redrive-commands.js';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every platform value named after its parameter, but for the ones the lines print. */
const PLATFORM = {
  ...Object.fromEntries(Object.keys(PLATFORM_PARAMETERS).map((name) => [name, `local-${name}`])),
  quarantineBucketName: 'wildrydes-quarantine',
  failureBucketName: 'wildrydes-failures',
  eventBusName: 'wildrydes-bus',
} as Record<PlatformParameterName, string> as LocalPlatform;

const LOCATIONS = new Map<string, FunctionFailureLocations>([
  ['ddb-stream-reactor', { onFailurePrefix: 'aws/lambda/11111111-2222-3333-4444-555555555555/' }],
  ['kinesis-ddb-writer', { onFailurePrefix: 'aws/lambda/66666666-7777-8888-9999-000000000000/' }],
  ['eventbridge-consumer', { deadLetterQueueUrl: 'http://127.0.0.1:4566/000000000000/dlq', onFailureQueueUrl: 'http://127.0.0.1:4566/000000000000/on-failure' }],
]);

describe('redriveCommandLines', () => {
  let functions: FunctionDeclaration[];

  beforeAll(async () => {
    functions = await findFunctionDeclarations(WORKSPACE_ROOT);
  });

  it("names the deployed function of every stream function (its on-failure objects are those naming it; a DynamoDB-stream function's quarantine is re-delivered to it): locally, its project name", () => {
    // Act
    const lines = redriveCommandLines({ functions, platform: PLATFORM, locations: LOCATIONS });

    // Assess
    expect(lines).toContain(
      'npm run redrive -- --function ddb-stream-reactor --bucket wildrydes-quarantine --failure-bucket wildrydes-failures ' +
        '--on-failure-prefix aws/lambda/11111111-2222-3333-4444-555555555555/ --function-arn ddb-stream-reactor',
    );
    expect(lines).toContain(
      'npm run redrive -- --function kinesis-ddb-writer --bucket wildrydes-quarantine --failure-bucket wildrydes-failures ' +
        '--on-failure-prefix aws/lambda/66666666-7777-8888-9999-000000000000/ --function-arn kinesis-ddb-writer',
    );
    expect(lines.filter((line) => line.includes('--function-arn'))).toHaveLength(2);
  });

  it('prints lines npm run redrive accepts, with every location it would otherwise read from SSM', () => {
    // Act
    const parsed = redriveCommandLines({ functions, platform: PLATFORM, locations: LOCATIONS }).map((line) => parseRedriveArgs(line.split(' ').slice(4)));

    // Assess
    expect(parsed).toContainEqual({
      kind: 'run',
      options: expect.objectContaining({
        functionName: 'ddb-stream-reactor',
        bucketName: 'wildrydes-quarantine',
        failureBucketName: 'wildrydes-failures',
        onFailurePrefix: 'aws/lambda/11111111-2222-3333-4444-555555555555/',
        functionArn: 'ddb-stream-reactor',
      }),
    });
    expect(parsed).toContainEqual({
      kind: 'run',
      options: expect.objectContaining({ functionName: 'eventbridge-consumer', eventBusName: 'wildrydes-bus', functionArn: undefined }),
    });
    expect(parsed).toContainEqual({
      kind: 'run',
      options: expect.objectContaining({ functionName: 'kinesis-ddb-writer', functionArn: 'kinesis-ddb-writer' }),
    });
  });
});
