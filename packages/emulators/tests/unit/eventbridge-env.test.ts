import { describe, expect, it } from 'vitest';
import { buildEmulatorEnv, type RunningEmulator } from '../../src/index';

const fake = (name: string, port: number): RunningEmulator => ({
  name,
  port,
  endpoint: `http://127.0.0.1:${port}`,
  stop: async () => undefined,
});

describe('buildEmulatorEnv with eventbridge', () => {
  it('points AWS_ENDPOINT_URL_EVENTBRIDGE at the bus next to the other emulators', () => {
    // Act
    const env = buildEmulatorEnv({ kinesis: fake('kinesalite', 1), eventbridge: fake('eventbridge', 4) }, {});

    // Assess
    expect(env).toEqual({
      AWS_ENDPOINT_URL_KINESIS: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:4',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
  });
});
