import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, functionParameterPath } from '@wildrydes/infra/function-declaration';
import { UsageError } from '../../src/errors.js';
import { resolveLocations } from '../../src/locations.js';
import { parseRedriveArgs, type RedriveOptions } from '../../src/options.js';
import { planSources } from '../../src/sources.js';

function optionsOf(argv: string[]): RedriveOptions {
  const command = parseRedriveArgs(argv);
  if (command.kind !== 'run') throw new Error('expected a run');
  return command.options;
}

describe('planSources', () => {
  it.each([
    ['kinesis', ['quarantine', 'on-failure-objects']],
    ['dynamodb-stream', ['quarantine', 'on-failure-objects']],
    ['eventbridge-rule', ['on-failure-queue', 'dead-letter-queue']],
  ] as const)('gives a %s function every source it has by default', (trigger, expected) => {
    // Act / Assess
    expect(planSources('fn', trigger, undefined)).toEqual(expected);
  });

  it('keeps only the named sources', () => {
    // Act / Assess
    expect(planSources('eventbridge-consumer', 'eventbridge-rule', new Set(['dead-letter']))).toEqual(['dead-letter-queue']);
    expect(planSources('kinesis-republisher', 'kinesis', new Set(['on-failure']))).toEqual(['on-failure-objects']);
  });

  it('refuses a Function URL function, and a source the function lacks, saying what it has', () => {
    // Act / Assess
    expect(() => planSources('eventbridge-producer', 'function-url', undefined)).toThrow(UsageError);
    expect(() => planSources('eventbridge-producer', 'function-url', undefined)).toThrow('eventbridge-producer is invoked through its Function URL: its callers retry');
    expect(() => planSources('kinesis-republisher', 'kinesis', new Set(['dead-letter']))).toThrow(
      'kinesis-republisher (kinesis) has no dead-letter source; it has quarantine and on-failure',
    );
  });
});

describe('resolveLocations', () => {
  it('reads from SSM only what the sources need and the command line does not give', async () => {
    // Prepare
    const read: string[] = [];
    const reader = async (name: string) => {
      read.push(name);
      return `value-of:${name}`;
    };

    // Act
    const stream = await resolveLocations(
      optionsOf(['--function', 'kinesis-ddb-writer', '--bucket', 'wildrydes-quarantine']),
      { triggerType: 'kinesis', sources: ['quarantine', 'on-failure-objects'] },
      reader,
    );
    const queues = await resolveLocations(
      optionsOf(['--function', 'eventbridge-consumer', '--event-bus', 'wildrydes-bus']),
      { triggerType: 'eventbridge-rule', sources: ['dead-letter-queue', 'on-failure-queue'] },
      reader,
    );

    // Assess
    expect(stream).toEqual({
      quarantineBucket: 'wildrydes-quarantine',
      failureBucket: `value-of:${PLATFORM_PARAMETERS.failureBucketName}`,
      functionArn: `value-of:${functionParameterPath('kinesis-ddb-writer', 'functionArn')}`,
    });
    expect(queues).toEqual({
      deadLetterQueueUrl: `value-of:${functionParameterPath('eventbridge-consumer', 'deadLetterQueueUrl')}`,
      eventBusName: 'wildrydes-bus',
      onFailureQueueUrl: `value-of:${functionParameterPath('eventbridge-consumer', 'onFailureQueueUrl')}`,
    });
    expect(read).toHaveLength(4);
  });

  it('names the option that replaces a parameter it could not read', async () => {
    // Prepare
    const hints: string[] = [];

    // Act
    await resolveLocations(optionsOf(['--function', 'eventbridge-consumer']), { triggerType: 'eventbridge-rule', sources: ['dead-letter-queue'] }, async (name, hint) => {
      hints.push(`${name}: ${hint.remedy}`);
      return 'x';
    });

    // Assess
    expect(hints).toEqual([
      `${functionParameterPath('eventbridge-consumer', 'deadLetterQueueUrl')}: deploy the stack of eventbridge-consumer, or pass --dead-letter-queue-url`,
      `${PLATFORM_PARAMETERS.eventBusName}: deploy the platform stack, or pass --event-bus`,
    ]);
  });

  it("reads the deployed function's ARN for on-failure objects (to tell the function's from others') and a DynamoDB-stream function's quarantine, not for a Kinesis function's quarantine", async () => {
    // Prepare
    const read: string[] = [];
    const reader = async (name: string) => {
      read.push(name);
      return `value-of:${name}`;
    };
    const given = ['--bucket', 'wildrydes-quarantine', '--failure-bucket', 'wildrydes-failures', '--on-failure-prefix', 'aws/lambda/0b1c2d3e/'];

    // Act
    const reactorQuarantine = await resolveLocations(optionsOf(['--function', 'ddb-stream-reactor', ...given]), { triggerType: 'dynamodb-stream', sources: ['quarantine'] }, reader);
    const writerOnFailure = await resolveLocations(optionsOf(['--function', 'kinesis-ddb-writer', ...given]), { triggerType: 'kinesis', sources: ['on-failure-objects'] }, reader);
    const writerQuarantine = await resolveLocations(optionsOf(['--function', 'kinesis-ddb-writer', ...given]), { triggerType: 'kinesis', sources: ['quarantine'] }, reader);

    // Assess
    expect(read).toEqual([functionParameterPath('ddb-stream-reactor', 'functionArn'), functionParameterPath('kinesis-ddb-writer', 'functionArn')]);
    expect(reactorQuarantine).toEqual({ quarantineBucket: 'wildrydes-quarantine', functionArn: `value-of:${functionParameterPath('ddb-stream-reactor', 'functionArn')}` });
    expect(writerOnFailure).toEqual({
      failureBucket: 'wildrydes-failures',
      functionArn: `value-of:${functionParameterPath('kinesis-ddb-writer', 'functionArn')}`,
      onFailurePrefix: 'aws/lambda/0b1c2d3e/',
    });
    expect(writerQuarantine).toEqual({ quarantineBucket: 'wildrydes-quarantine' });
  });

  it('never reads the on-failure prefix from SSM: without --on-failure-prefix the whole aws/lambda/ is listed, so objects of a replaced mapping are found', async () => {
    // Prepare
    const read: string[] = [];

    // Act
    const locations = await resolveLocations(
      optionsOf(['--function', 'kinesis-republisher', '--failure-bucket', 'wildrydes-failures', '--function-arn', 'WildRydes-KinesisRepublisher-Fn1A2B']),
      { triggerType: 'kinesis', sources: ['on-failure-objects'] },
      async (name) => {
        read.push(name);
        return 'x';
      },
    );

    // Assess
    expect(read).toEqual([]);
    expect(locations).toEqual({ failureBucket: 'wildrydes-failures', functionArn: 'WildRydes-KinesisRepublisher-Fn1A2B' });
  });

  it('takes the deployed function from --function-arn over its SSM parameter, and names that option when the parameter cannot be read', async () => {
    // Prepare
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D';
    const read: string[] = [];
    const hints: string[] = [];

    // Act
    const given = await resolveLocations(
      optionsOf(['--function', 'ddb-stream-reactor', '--bucket', 'wildrydes-quarantine', '--function-arn', arn]),
      { triggerType: 'dynamodb-stream', sources: ['quarantine'] },
      async (name) => {
        read.push(name);
        return 'x';
      },
    );
    await resolveLocations(optionsOf(['--function', 'ddb-stream-reactor', '--bucket', 'wildrydes-quarantine']), { triggerType: 'dynamodb-stream', sources: ['quarantine'] }, async (name, hint) => {
      hints.push(`${name}: ${hint.what}; ${hint.remedy}`);
      return 'x';
    });

    // Assess
    expect(given).toEqual({ quarantineBucket: 'wildrydes-quarantine', functionArn: arn });
    expect(read).toEqual([]);
    expect(hints).toEqual([
      `${functionParameterPath('ddb-stream-reactor', 'functionArn')}: the ARN of the deployed ddb-stream-reactor; deploy the stack of ddb-stream-reactor, or pass --function-arn`,
    ]);
  });
});
