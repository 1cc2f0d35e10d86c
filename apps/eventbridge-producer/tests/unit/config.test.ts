import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    expect(loadConfig({ EVENT_BUS_NAME: 'wildrydes-bus' })).toEqual({
      EVENT_BUS_NAME: 'wildrydes-bus',
      MAX_BODY_BYTES: 1_048_576,
      MAX_ENTRIES_PER_REQUEST: 100,
      MAX_EVENT_ENTRY_BYTES: 1_048_576,
      DEADLINE_SAFETY_MARGIN_MS: 1_000,
    });
  });

  it('names every bad variable and says in English what is wrong with it', () => {
    expect(() => loadConfig({ MAX_BODY_BYTES: '7000000', MAX_EVENT_ENTRY_BYTES: 'big' })).toThrow(
      'Environment variable EVENT_BUS_NAME is required; ' +
        'Environment variable MAX_BODY_BYTES is invalid: Too big: expected number to be <=6291456; ' +
        'Environment variable MAX_EVENT_ENTRY_BYTES is invalid: must be an integer',
    );
  });

  it('refuses an entry size limit above EventBridge’s 1 MiB', () => {
    expect(() => loadConfig({ EVENT_BUS_NAME: 'b', MAX_EVENT_ENTRY_BYTES: String(1_048_577) })).toThrow(
      'Environment variable MAX_EVENT_ENTRY_BYTES is invalid: Too big: expected number to be <=1048576',
    );
  });
});
