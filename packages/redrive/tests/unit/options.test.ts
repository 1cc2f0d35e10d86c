import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { USAGE, parseRedriveArgs } from '../../src/options.js';

function usageErrorOf(argv: string[]): string {
  try {
    parseRedriveArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

describe('parseRedriveArgs', () => {
  it('reads every option', () => {
    // Act
    const command = parseRedriveArgs([
      '--function', 'kinesis-republisher', '--bucket', 'wildrydes-quarantine-1', '--since', '2026-11-01',
      '--reason', 'SCHEMA_VIOLATION,INVALID_JSON', '--reason', 'TOO_LARGE', '--dry-run', '--limit', '25', '--keep',
      '--source', 'quarantine,on-failure', '--source', 'dead-letter', '--failure-bucket', 'wildrydes-failures',
      '--on-failure-prefix', 'aws/lambda/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/',
      '--dead-letter-queue-url', 'http://127.0.0.1:9324/000000000000/consumer-dlq',
      '--on-failure-queue-url', 'https://sqs.us-east-1.amazonaws.com/123456789012/consumer-on-failure',
      '--event-bus', 'wildrydes-bus',
      '--function-arn', 'arn:aws:lambda:us-east-1:123456789012:function:WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D',
    ]);

    // Assess
    expect(command).toEqual({
      kind: 'run',
      options: {
        functionName: 'kinesis-republisher',
        sources: new Set(['quarantine', 'on-failure', 'dead-letter']),
        bucketName: 'wildrydes-quarantine-1',
        failureBucketName: 'wildrydes-failures',
        onFailurePrefix: 'aws/lambda/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/',
        deadLetterQueueUrl: 'http://127.0.0.1:9324/000000000000/consumer-dlq',
        onFailureQueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/consumer-on-failure',
        eventBusName: 'wildrydes-bus',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D',
        since: '2026-11-01',
        reasons: new Set(['SCHEMA_VIOLATION', 'INVALID_JSON', 'TOO_LARGE']),
        dryRun: true,
        limit: 25,
        keep: true,
      },
    });
  });

  it('defaults to every source and record, locations from SSM, a real run that deletes', () => {
    // Act
    const command = parseRedriveArgs(['--function', 'kinesis-ddb-writer']);

    // Assess
    expect(command).toEqual({
      kind: 'run',
      options: {
        functionName: 'kinesis-ddb-writer',
        sources: undefined,
        bucketName: undefined,
        failureBucketName: undefined,
        onFailurePrefix: undefined,
        deadLetterQueueUrl: undefined,
        onFailureQueueUrl: undefined,
        eventBusName: undefined,
        functionArn: undefined,
        since: undefined,
        reasons: undefined,
        dryRun: false,
        limit: undefined,
        keep: false,
      },
    });
  });

  it('answers --help and -h with the help, even without --function', () => {
    // Act / Assess
    expect(parseRedriveArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseRedriveArgs(['-h', '--limit', '0'])).toEqual({ kind: 'help' });
    expect(USAGE).toContain('--function <name>');
    expect(USAGE).toContain('/wildrydes/platform/quarantine-bucket-name');
    for (const option of ['--source', '--failure-bucket', '--on-failure-prefix', '--dead-letter-queue-url', '--on-failure-queue-url', '--event-bus', '--function-arn']) {
      expect(USAGE).toContain(option);
    }
    expect(USAGE).toContain('/wildrydes/platform/failure-bucket-name');
    expect(USAGE).toContain('/wildrydes/functions/<name>/on-failure-prefix');
    expect(USAGE).toContain('/wildrydes/functions/<name>/dead-letter-queue-url');
    expect(USAGE).toContain('/wildrydes/functions/<name>/on-failure-queue-url');
    expect(USAGE).toContain('/wildrydes/functions/<name>/function-arn');
  });

  it.each([
    'ddb-stream-reactor',
    'WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D:live',
    '123456789012:function:WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D',
    'arn:aws:lambda:us-east-1:123456789012:function:WildRydes-DdbStreamReactor-ConsumerFunction1A2B3C4D',
    'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:reactor:$LATEST',
    'arn:aws-cn:lambda:cn-north-1:123456789012:function:reactor:7',
  ])('takes --function-arn %s as Lambda Invoke takes FunctionName (name, partial ARN or ARN, optionally qualified)', (value) => {
    // Act
    const command = parseRedriveArgs(['--function', 'ddb-stream-reactor', '--function-arn', value]);

    // Assess
    expect(command).toMatchObject({ kind: 'run', options: { functionArn: value } });
  });

  it('says in --help how to reach a local npm start run: its pasted AWS_ENDPOINT_URL_<SERVICE> lines and the local bucket, in 80 columns', () => {
    expect(USAGE).toContain('export AWS_ENDPOINT_URL_KINESIS=');
    expect(USAGE).toContain('AWS_ENDPOINT_URL_S3=');
    expect(USAGE).toContain('npm run redrive -- --bucket wildrydes-quarantine --function kinesis-republisher');
    expect(USAGE.split('\n').filter((line) => line.length > 79)).toEqual([]);
  });

  it.each([
    [[], '--function is required'],
    [['--function', 'Kinesis/Writer'], '--function must be'],
    [['--function', 'fn', '--bucket', 'Bad_Bucket'], '--bucket must be an S3 bucket name'],
    [['--function', 'fn', '--failure-bucket', 'Bad_Bucket'], '--failure-bucket must be an S3 bucket name'],
    [['--function', 'fn', '--source', 'quarantine,dlq'], '--source must be one of quarantine, on-failure, dead-letter (given "dlq")'],
    [['--function', 'fn', '--on-failure-prefix', 'aws/lambda/'], '--on-failure-prefix must be aws/lambda/<event source mapping UUID>/'],
    [['--function', 'fn', '--on-failure-prefix', 'aws/lambda/abc'], '(given "aws/lambda/abc")'],
    [['--function', 'fn', '--dead-letter-queue-url', 'consumer-dlq'], '--dead-letter-queue-url must be a queue URL'],
    [['--function', 'fn', '--on-failure-queue-url', 'ftp://x/y'], '--on-failure-queue-url must be a queue URL'],
    [['--function', 'fn', '--event-bus', 'my bus'], '--event-bus must be an event bus name or ARN'],
    [['--function', 'fn', '--function-arn', 'arn:aws:sqs:us-east-1:123456789012:queue'], '--function-arn must be a Lambda function name or ARN'],
    [['--function', 'fn', '--function-arn', 'my function'], '(given "my function")'],
    [['--function', 'fn', '--function-arn', 'x'.repeat(65)], '--function-arn must be'],
    [['--function', 'fn', '--function-arn', `arn:aws:lambda:us-east-1:123456789012:function:${'x'.repeat(64)}:${'v'.repeat(60)}`], '--function-arn must be'],
    [['--function', 'fn', '--since', '2026-11'], '--since must be a UTC day as YYYY-MM-DD'],
    [['--function', 'fn', '--since', '2026-02-30'], '(given "2026-02-30")'],
    [['--function', 'fn', '--since', '2026-13-01'], '--since must be'],
    [['--function', 'fn', '--reason', 'BAD_LUCK'], '--reason must be one of INVALID_BASE64'],
    [['--function', 'fn', '--limit', '0'], '--limit must be an integer >= 1 (given "0")'],
    [['--function', 'fn', '--limit', '2.5'], '--limit must be an integer'],
    [['--function', 'fn', '--limit'], "'--limit"],
    [['--function', 'fn', '--force'], "'--force'"],
    [['--function', 'fn', 'extra'], "'extra'"],
  ])('rejects %j naming the option', (argv, message) => {
    // Act
    const error = usageErrorOf(argv);

    // Assess
    expect(error).toContain(message);
  });
});
