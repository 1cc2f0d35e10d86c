import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../../src/index.js';
import { chunkPuts, planBatchWrite, type PlannedPut } from '../../src/dynamodb-batch-plan.js';

const keys = ['Name', 'StatusTime'] as const;

function reading(name: string, statusTime: string, extra: Record<string, unknown> = {}) {
  return { item: { Name: name, StatusTime: statusTime, ...extra } };
}

function sized(count: number, sizeBytes: number): PlannedPut[] {
  return Array.from({ length: count }, (_, index) => ({ index, key: String(index), item: {}, sizeBytes }));
}

describe('planBatchWrite', () => {
  it('marshals, keys and sizes every item, dropping undefined values', () => {
    // Act
    const plan = planBatchWrite([reading('Shadowfax', 't1', { Note: undefined, Distance: 3 })], keys);

    // Assess
    expect(plan.rejected).toEqual([]);
    expect(plan.superseded).toEqual([]);
    expect(plan.puts).toEqual([
      {
        index: 0,
        key: '["S:Shadowfax","S:t1"]',
        item: { Name: { S: 'Shadowfax' }, StatusTime: { S: 't1' }, Distance: { N: '3' } },
        sizeBytes: 4 + 9 + 10 + 2 + 8 + 2,
      },
    ]);
  });

  it('keeps every distinct put of a key, in input order, and leaves out one identical to the next put of its key', () => {
    // Prepare
    const inputs = [
      reading('Shadowfax', 't1', { v: 1 }),
      reading('Rocinante', 't1'),
      reading('Shadowfax', 't1', { v: 2 }),
      reading('Shadowfax', 't1', { v: 2 }),
      reading('Shadowfax', 't1', { v: 2 }),
      reading('Shadowfax', 't1', { v: 3 }),
      reading('Shadowfax', 't1', { v: 1 }),
    ];

    // Act
    const plan = planBatchWrite(inputs, keys);

    // Assess: index 6 repeats index 0, but not next to it: both are written, in turn
    expect(plan.puts.map((put) => put.index)).toEqual([0, 1, 4, 5, 6]);
    expect(plan.puts.map((put) => put.item['v'])).toEqual([{ N: '1' }, undefined, { N: '2' }, { N: '3' }, { N: '1' }]);
    expect(plan.superseded).toEqual([
      { index: 2, winnerIndex: 4 },
      { index: 3, winnerIndex: 4 },
    ]);
  });

  it('tells keys apart by type: the string "1" is not the number 1', () => {
    // Act
    const plan = planBatchWrite([{ item: { id: '1' } }, { item: { id: 1 } }, { item: { id: new Uint8Array([1]) } }], ['id']);

    // Assess
    expect(plan.puts).toHaveLength(3);
    expect(plan.puts.map((put) => put.key)).toEqual(['["S:1"]', '["N:1"]', '["B:AQ=="]']);
  });

  it('rejects an item over the size limit on its own: the earlier put of its key is still written', () => {
    // Prepare
    const inputs = [reading('Shadowfax', 't1'), reading('Shadowfax', 't1', { Blob: 'x'.repeat(500) })];

    // Act
    const plan = planBatchWrite(inputs, keys, { maxItemBytes: 400 });

    // Assess
    expect(plan.puts.map((put) => put.index)).toEqual([0]);
    // 'Name' + 'Shadowfax' + 'StatusTime' + 't1' + 'Blob' + 500 = 529
    expect(plan.rejected).toEqual([{ index: 1, code: 'TooLarge', reason: "ItemTooLarge: about 529 bytes, DynamoDB's limit is 400 bytes" }]);
    expect(plan.superseded).toEqual([]);
  });

  it('rejects items over 400 KB by default', () => {
    // Act
    const plan = planBatchWrite([reading('Shadowfax', 't1', { Blob: 'x'.repeat(400 * 1024) })], keys);

    // Assess
    expect(plan.rejected[0]?.reason).toMatch(/^ItemTooLarge/);
  });

  it('rejects items without usable key values', () => {
    // Act
    const plan = planBatchWrite([{ item: { Name: 'Shadowfax' } }, { item: { Name: 'Shadowfax', StatusTime: { at: 1 } } }], keys);

    // Assess
    expect(plan.rejected.map((rejection) => [rejection.index, rejection.code, rejection.reason])).toEqual([
      [0, 'Invalid', 'MissingKeyAttribute: every item needs string, number or binary values for Name, StatusTime'],
      [1, 'Invalid', 'MissingKeyAttribute: every item needs string, number or binary values for Name, StatusTime'],
    ]);
  });

  it('rejects items that cannot be marshalled, keeping the error', () => {
    // Act
    const plan = planBatchWrite([reading('Shadowfax', 't1', { Distance: Number.MAX_SAFE_INTEGER + 2 })], keys);

    // Assess
    expect(plan.rejected[0]).toMatchObject({ index: 0, code: 'Invalid', reason: expect.stringMatching(/^InvalidItem: /), cause: expect.any(Error) });
  });

  it.each([[[]], [['Name', 'Name']], [['']]])('throws for key attributes %o', (keyAttributes) => {
    // Act & Assess
    expect(() => planBatchWrite([], keyAttributes)).toThrow(InvalidOptionsError);
  });
});

describe('chunkPuts', () => {
  it('makes requests of at most 25 items', () => {
    // Act
    const chunks = chunkPuts(sized(57, 100));

    // Assess
    expect(chunks.map((chunk) => chunk.length)).toEqual([25, 25, 7]);
    expect(chunks.flat().map((put) => put.index)).toEqual(Array.from({ length: 57 }, (_, index) => index));
  });

  it('keeps each request under the byte limit', () => {
    // Act
    const chunks = chunkPuts(sized(7, 300), { maxBytes: 1_000 });

    // Assess
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 1]);
  });

  it('closes a request at the 16 MB limit with 400 KB items', () => {
    // Prepare: 41 items of 400 KB are 16.02 MB, at most 25 of them are 10 MB
    const puts = sized(60, 400 * 1024);

    // Act
    const chunks = chunkPuts(puts, { maxItems: 100 });

    // Assess
    expect(chunks.map((chunk) => chunk.length)).toEqual([40, 20]);
  });

  it('gives an item larger than the byte limit a request of its own', () => {
    // Act
    const chunks = chunkPuts([...sized(1, 10), ...sized(1, 5_000), ...sized(1, 10)], { maxBytes: 1_000 });

    // Assess
    expect(chunks.map((chunk) => chunk.map((put) => put.sizeBytes))).toEqual([[10], [5_000], [10]]);
  });

  it('makes no requests for no puts', () => {
    // Act & Assess
    expect(chunkPuts([])).toEqual([]);
  });
});
