import { describe, expect, it } from 'vitest';
import { checkServedHost } from '../../src/http/served-host.js';

describe('checkServedHost', () => {
  it('lets through only the printed authority, in any letter case', () => {
    // Act / Assess
    expect(checkServedHost('127.0.0.1:4321', 'http://127.0.0.1:4321')).toBeUndefined();
    expect(checkServedHost('localhost:4321', 'http://127.0.0.1:4321')?.statusCode).toBe(421);
    expect(checkServedHost('127.0.0.1', 'http://127.0.0.1:4321')?.statusCode).toBe(421);
    expect(checkServedHost(undefined, 'http://127.0.0.1:4321')?.body).toContain('no Host header was refused');
  });

  it('repeats at most 100 characters of a refused Host', () => {
    // Prepare
    const hostile = `${'a'.repeat(10_000)}.example`;

    // Act
    const refusal = checkServedHost(hostile, 'http://127.0.0.1:4321');

    // Assess
    const { message } = JSON.parse(refusal?.body ?? '{}') as { message: string };
    expect(message).toContain(`Host "${'a'.repeat(100)}" was refused`);
    expect(message.length).toBeLessThan(400);
  });
});
