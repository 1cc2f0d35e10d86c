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

  it('names every bad variable', () => {
    expect(() => loadConfig({ MAX_BODY_BYTES: '7000000', MAX_EVENT_ENTRY_BYTES: 'big' })).toThrow(
      /EVENT_BUS_NAME is required.*MAX_BODY_BYTES is invalid.*MAX_EVENT_ENTRY_BYTES is invalid/,
    );
  });

  it('refuses an entry size limit above EventBridge’s 1 MiB', () => {
    expect(() => loadConfig({ EVENT_BUS_NAME: 'b', MAX_EVENT_ENTRY_BYTES: String(1_048_577) })).toThrow(/MAX_EVENT_ENTRY_BYTES/);
  });
});
