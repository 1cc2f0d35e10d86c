import { describe, expect, it } from 'vitest';
import { chunkBySize } from '../../src/chunking.js';

function sized(...sizes: number[]) {
  return sizes.map((sizeBytes, index) => ({ index, sizeBytes }));
}

describe('chunkBySize', () => {
  it('cuts at the item count, keeping order', () => {
    // Act
    const chunks = chunkBySize(sized(1, 1, 1, 1, 1), { maxItems: 2, maxBytes: 100 });

    // Assess
    expect(chunks.map((chunk) => chunk.map((item) => item.index))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('cuts before the item that would exceed the byte limit; exactly at the limit fits', () => {
    // Act
    const chunks = chunkBySize(sized(4, 6, 1, 9, 1), { maxItems: 10, maxBytes: 10 });

    // Assess
    expect(chunks.map((chunk) => chunk.map((item) => item.sizeBytes))).toEqual([[4, 6], [1, 9], [1]]);
  });

  it('gives an item over the byte limit a chunk of its own, and nothing for no items', () => {
    // Act & Assess
    expect(chunkBySize(sized(1, 50, 1), { maxItems: 10, maxBytes: 10 }).map((chunk) => chunk.length)).toEqual([1, 1, 1]);
    expect(chunkBySize([], { maxItems: 10, maxBytes: 10 })).toEqual([]);
  });
});
