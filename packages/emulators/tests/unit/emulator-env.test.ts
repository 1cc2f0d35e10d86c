import { describe, expect, it } from 'vitest';
import { buildEmulatorEnv, type RunningEmulator } from '../../src/index';

const fake = (name: string, port: number): RunningEmulator => ({
  name,
  port,
  endpoint: `http://127.0.0.1:${port}`,
  stop: async () => undefined,
});

describe('buildEmulatorEnv', () => {
  it('points every SDK v3 service variable at its emulator and fills in region and dummy credentials', () => {
    const env = buildEmulatorEnv(
      { kinesis: fake('kinesalite', 1), dynamodb: fake('dynamodb-local', 2), s3: fake('s3rver', 3) },
      {},
    );

    expect(env).toEqual({
      AWS_ENDPOINT_URL_KINESIS: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:2',
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: 'http://127.0.0.1:2',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:3',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
  });

  it('keeps region and credentials that are already set and omits emulators that were not started', () => {
    const env = buildEmulatorEnv(
      { kinesis: fake('kinesalite', 1) },
      { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' },
    );

    expect(env).toEqual({
      AWS_ENDPOINT_URL_KINESIS: 'http://127.0.0.1:1',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'a',
      AWS_SECRET_ACCESS_KEY: 'b',
    });
  });

  it('points AWS_ENDPOINT_URL_SQS at the SQS emulator', () => {
    // Act
    const env = buildEmulatorEnv({ s3: fake('s3rver', 3), sqs: fake('sqs', 5) }, {});

    // Assess
    expect(env).toEqual({
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:3',
      AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:5',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
  });
});
