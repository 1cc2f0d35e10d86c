import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the defaults: threshold 20, 1 MiB entries, 1.5 s safety margin', () => {
    expect(loadConfig({ EVENT_BUS_NAME: 'wildrydes-bus', TABLE_NAME: 'UnicornSensorData', QUARANTINE_BUCKET_NAME: 'quarantine' })).toEqual({
      EVENT_BUS_NAME: 'wildrydes-bus',
      TABLE_NAME: 'UnicornSensorData',
      QUARANTINE_BUCKET_NAME: 'quarantine',
      HEALTH_LOW_THRESHOLD: 20,
      MAX_EVENT_ENTRY_BYTES: 1_048_576,
      DEADLINE_SAFETY_MARGIN_MS: 1_500,
    });
  });

  it('reads the settings it is given', () => {
    const config = loadConfig({ EVENT_BUS_NAME: 'b', TABLE_NAME: 't', QUARANTINE_BUCKET_NAME: 'q', HEALTH_LOW_THRESHOLD: '35', MAX_EVENT_ENTRY_BYTES: '262144', DEADLINE_SAFETY_MARGIN_MS: '0' });
    expect(config).toMatchObject({ HEALTH_LOW_THRESHOLD: 35, MAX_EVENT_ENTRY_BYTES: 262_144, DEADLINE_SAFETY_MARGIN_MS: 0 });
  });

  it('names every bad variable and says in English what is wrong with it', () => {
    expect(() => loadConfig({ HEALTH_LOW_THRESHOLD: '0', MAX_EVENT_ENTRY_BYTES: '2000000' })).toThrow(
      'Environment variable EVENT_BUS_NAME is required; ' +
        'Environment variable TABLE_NAME is required; ' +
        'Environment variable QUARANTINE_BUCKET_NAME is required; ' +
        'Environment variable HEALTH_LOW_THRESHOLD is invalid: Too small: expected number to be >=1; ' +
        'Environment variable MAX_EVENT_ENTRY_BYTES is invalid: Too big: expected number to be <=1048576',
    );
  });
});
