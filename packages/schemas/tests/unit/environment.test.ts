import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, integerSetting, parseEnvironment, requiredString } from '../../src/index.js';

const Schema = z.object({
  TABLE_NAME: requiredString(),
  MARGIN_MS: integerSetting({ min: 0, max: 10_000, default: 1_000 }),
});

describe('parseEnvironment', () => {
  it('returns typed values and applies defaults', () => {
    expect(parseEnvironment(Schema, { TABLE_NAME: 'UnicornSensorData' })).toEqual({
      TABLE_NAME: 'UnicornSensorData',
      MARGIN_MS: 1_000,
    });
    expect(parseEnvironment(Schema, { TABLE_NAME: 't', MARGIN_MS: '250' }).MARGIN_MS).toBe(250);
  });

  it('names a missing variable', () => {
    expect(() => parseEnvironment(Schema, {})).toThrow('Environment variable TABLE_NAME is required');
  });

  it('names every invalid variable with the reason', () => {
    let error: unknown;
    try {
      parseEnvironment(Schema, { TABLE_NAME: '  ', MARGIN_MS: 'soon' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const { message, variables } = error as ConfigurationError;
    expect(message).toContain('Environment variable TABLE_NAME is invalid: must not be empty');
    expect(message).toContain('Environment variable MARGIN_MS is invalid: must be an integer');
    expect(variables).toEqual(['TABLE_NAME', 'MARGIN_MS']);
  });

  it('enforces integer bounds, saying which bound in English', () => {
    expect(() => parseEnvironment(Schema, { TABLE_NAME: 't', MARGIN_MS: '99999' })).toThrow(
      'Environment variable MARGIN_MS is invalid: Too big: expected number to be <=10000',
    );
    expect(() => parseEnvironment(Schema, { TABLE_NAME: 't', MARGIN_MS: '-1' })).toThrow(
      'Environment variable MARGIN_MS is invalid: Too small: expected number to be >=0',
    );
  });
});
