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
    [{ QUARANTINE_BUCKET_NAME: 'b' }, /Environment variable TARGET_STREAM_NAME is required/],
    [{ TARGET_STREAM_NAME: 's' }, /Environment variable QUARANTINE_BUCKET_NAME is required/],
    [{ ...REQUIRED, TARGET_STREAM_NAME: 'arn:aws:kinesis:us-east-1:123456789012:stream/unicorn-telemetry-clean' }, /TARGET_STREAM_NAME is invalid/],
    [{ ...REQUIRED, MAX_CLOCK_SKEW_SECONDS: '5m' }, /MAX_CLOCK_SKEW_SECONDS is invalid/],
    [{ ...REQUIRED, MAX_CLOCK_SKEW_SECONDS: '-1' }, /MAX_CLOCK_SKEW_SECONDS is invalid/],
  ])('names the bad variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
