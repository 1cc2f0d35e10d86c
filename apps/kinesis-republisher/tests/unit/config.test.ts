import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const REQUIRED = { TARGET_STREAM_NAME: 'unicorn-telemetry-clean', QUARANTINE_BUCKET_NAME: 'wildrydes-quarantine' };

describe('loadConfig', () => {
  it('applies the defaults', () => {
    expect(loadConfig(REQUIRED)).toEqual({ ...REQUIRED, MAX_CLOCK_SKEW_SECONDS: 300, DEADLINE_SAFETY_MARGIN_MS: 1500 });
  });

  it('reads the settings', () => {
    expect(loadConfig({ ...REQUIRED, MAX_CLOCK_SKEW_SECONDS: '60', DEADLINE_SAFETY_MARGIN_MS: '2000' })).toMatchObject({
      MAX_CLOCK_SKEW_SECONDS: 60,
      DEADLINE_SAFETY_MARGIN_MS: 2000,
    });
  });

  it.each([
    [{ QUARANTINE_BUCKET_NAME: 'b' }, /^Environment variable TARGET_STREAM_NAME is required$/],
    [{ TARGET_STREAM_NAME: 's' }, /^Environment variable QUARANTINE_BUCKET_NAME is required$/],
    [{ ...REQUIRED, TARGET_STREAM_NAME: 'arn:aws:kinesis:us-east-1:123456789012:stream/unicorn-telemetry-clean' }, /^Environment variable TARGET_STREAM_NAME is invalid: must be a Kinesis stream name \(not an ARN\)$/],
    [{ ...REQUIRED, MAX_CLOCK_SKEW_SECONDS: '5m' }, /^Environment variable MAX_CLOCK_SKEW_SECONDS is invalid: must be an integer$/],
    [
      { ...REQUIRED, MAX_CLOCK_SKEW_SECONDS: '-1' },
      /^Environment variable MAX_CLOCK_SKEW_SECONDS is invalid: Too small: expected number to be >=0$/,
    ],
  ])('names the bad variable and says in English what is wrong with it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
