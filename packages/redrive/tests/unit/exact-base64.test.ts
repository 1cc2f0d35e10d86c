import { describe, expect, it } from 'vitest';
import { decodeExactBase64 } from '../../src/exact-base64.js';

describe('decodeExactBase64', () => {
  it('gives back the exact bytes, binary included', () => {
    // Prepare
    const bytes = new Uint8Array([0, 255, 128, 10, 13, 0x7b]);

    // Act
    const decoded = decodeExactBase64(Buffer.from(bytes).toString('base64'));

    // Assess
    expect(decoded).toEqual(bytes);
  });

  it('decodes the empty string to no bytes', () => {
    // Act / Assess
    expect(decodeExactBase64('')).toEqual(new Uint8Array());
  });

  it.each([
    ['characters outside the alphabet', '%%%%'],
    ['a missing padding', 'eyJhIjoxfQ'],
    ['whitespace', 'eyJh IjoxfQ=='],
    ['URL-safe characters', 'ab-_'],
    ['non-canonical trailing bits', 'QR=='],
  ])('refuses %s', (_why, data) => {
    // Act / Assess
    expect(decodeExactBase64(data)).toBeUndefined();
  });
});
