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
    ]);

    // Assess
    expect(command).toEqual({
      kind: 'run',
      options: {
        functionName: 'kinesis-republisher',
        bucketName: 'wildrydes-quarantine-1',
        since: '2026-11-01',
        reasons: new Set(['SCHEMA_VIOLATION', 'INVALID_JSON', 'TOO_LARGE']),
        dryRun: true,
        limit: 25,
        keep: true,
      },
    });
  });

  it('defaults to every record, the SSM bucket, a real run that deletes', () => {
    // Act
    const command = parseRedriveArgs(['--function', 'kinesis-ddb-writer']);

    // Assess
    expect(command).toEqual({
      kind: 'run',
      options: { functionName: 'kinesis-ddb-writer', bucketName: undefined, since: undefined, reasons: undefined, dryRun: false, limit: undefined, keep: false },
    });
  });

  it('answers --help and -h with the help, even without --function', () => {
    // Act / Assess
    expect(parseRedriveArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseRedriveArgs(['-h', '--limit', '0'])).toEqual({ kind: 'help' });
    expect(USAGE).toContain('--function <name>');
    expect(USAGE).toContain('/wildrydes/platform/quarantine-bucket-name');
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
