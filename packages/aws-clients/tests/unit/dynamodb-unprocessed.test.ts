import { describe, expect, it } from 'vitest';
import { planBatchWrite } from '../../src/dynamodb-batch-plan.js';
import { splitUnprocessed } from '../../src/dynamodb-unprocessed.js';

const keys = ['Name', 'StatusTime'];
const { puts } = planBatchWrite(
  ['a', 'b', 'c'].map((name) => ({ item: { Name: name, StatusTime: 't1', Distance: 1 } })),
  keys,
);

describe('splitUnprocessed', () => {
  it('counts everything as written when nothing came back', () => {
    // Act & Assess
    expect(splitUnprocessed(puts, undefined, keys)).toEqual({ written: puts, unprocessed: [] });
    expect(splitUnprocessed(puts, [], keys)).toEqual({ written: puts, unprocessed: [] });
  });

  it('matches unprocessed requests back to the sent puts by key', () => {
    // Prepare: DynamoDB returns the requests as they were sent
    const returned = [{ PutRequest: { Item: puts[2]!.item } }, { PutRequest: { Item: puts[0]!.item } }];

    // Act
    const { written, unprocessed } = splitUnprocessed(puts, returned, keys);

    // Assess
    expect(written.map((put) => put.index)).toEqual([1]);
    expect(unprocessed.map((put) => put.index)).toEqual([0, 2]);
  });

  it.each([
    ['an unknown key', [{ PutRequest: { Item: { Name: { S: 'zzz' }, StatusTime: { S: 't1' } } } }]],
    ['a delete request', [{ DeleteRequest: { Key: { Name: { S: 'a' }, StatusTime: { S: 't1' } } } }]],
    ['an item without its key', [{ PutRequest: { Item: { Name: { S: 'a' } } } }]],
  ])('treats every put as unprocessed when it cannot match %s', (_label, returned) => {
    // Act
    const { written, unprocessed } = splitUnprocessed(puts, returned, keys);

    // Assess
    expect(written).toEqual([]);
    expect(unprocessed).toEqual(puts);
  });
});
