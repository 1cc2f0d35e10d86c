import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { estimateItemSizeBytes } from '../../src/index.js';
import { estimateValueSizeBytes, numberSizeBytes } from '../../src/dynamodb-item-size.js';

describe('estimateItemSizeBytes', () => {
  it('adds attribute name bytes to value bytes', () => {
    // Prepare
    const item = marshall({ Name: 'Shadowfax', Distance: 12.5 });

    // Act
    const size = estimateItemSizeBytes(item);

    // Assess: 4 + 9, 8 + (ceil(3 / 2) + 1)
    expect(size).toBe(24);
  });

  it('counts UTF-8 bytes, not characters, in names and strings', () => {
    // Act
    const size = estimateItemSizeBytes({ 'Größe': { S: 'ü€😀' } });

    // Assess: 'Größe' is 7 bytes; 'ü€😀' is 2 + 3 + 4
    expect(size).toBe(16);
  });

  it('sizes every value type per the documented rules', () => {
    // Prepare
    const bytes = new Uint8Array([1, 2, 3]);

    // Act & Assess
    expect(estimateValueSizeBytes({ B: bytes })).toBe(3);
    expect(estimateValueSizeBytes({ BOOL: true })).toBe(1);
    expect(estimateValueSizeBytes({ NULL: true })).toBe(1);
    expect(estimateValueSizeBytes({ SS: ['ab', 'cde'] })).toBe(5);
    expect(estimateValueSizeBytes({ NS: ['1', '12345'] })).toBe(2 + 4);
    expect(estimateValueSizeBytes({ BS: [bytes, new Uint8Array(7)] })).toBe(10);
    // list: 3 overhead + (1 + 2) + (1 + 1)
    expect(estimateValueSizeBytes({ L: [{ S: 'ab' }, { BOOL: false }] })).toBe(8);
    // map: 3 overhead + (1 + 'a' + 'xyz') + (1 + 'bb' + (3 + 0))
    expect(estimateValueSizeBytes({ M: { a: { S: 'xyz' }, bb: { M: {} } } })).toBe(3 + 5 + 6);
    expect(estimateValueSizeBytes({ L: [] })).toBe(3);
    expect(estimateValueSizeBytes({ $unknown: ['X', 1] })).toBe(0);
  });
});

describe('numberSizeBytes', () => {
  it.each([
    ['0', 2],
    ['7', 2],
    ['12', 2],
    ['123', 3],
    ['1000', 2],
    ['0.0001', 2],
    ['-123.450', 4],
    ['12345678901234567890123456789012345678', 20],
    ['1.5e+21', 2],
  ])('%s takes %i bytes', (decimal, expected) => {
    // Act & Assess
    expect(numberSizeBytes(decimal)).toBe(expected);
  });
});
