import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('reads the table name and defaults the safety margin', () => {
    expect(loadConfig({ READ_MODEL_TABLE_NAME: 'UnicornFleetReadModel' })).toEqual({
      READ_MODEL_TABLE_NAME: 'UnicornFleetReadModel',
      DEADLINE_SAFETY_MARGIN_MS: 1_000,
    });
  });

  it('names every missing or invalid variable', () => {
    expect(() => loadConfig({ DEADLINE_SAFETY_MARGIN_MS: 'soon' })).toThrow(
      'Environment variable READ_MODEL_TABLE_NAME is required; Environment variable DEADLINE_SAFETY_MARGIN_MS is invalid: must be an integer',
    );
  });
});
