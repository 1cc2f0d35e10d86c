import { describe, expect, it } from 'vitest';
import { batchWriteItemRewriter } from '../../src/faults/batch-write-item-rewriter';

const put = (name: string): Record<string, unknown> => ({ PutRequest: { Item: { Name: { S: name }, StatusTime: { S: '2024-01-01T00:00:00Z' } } } });
const del = (id: string): Record<string, unknown> => ({ DeleteRequest: { Key: { Id: { S: id } } } });
const request = {
  RequestItems: { UnicornSensorData: [put('a'), put('b'), put('c')], Fleet: [del('x'), del('y')] },
  ReturnConsumedCapacity: 'TOTAL',
};
const [failure] = batchWriteItemRewriter.entryErrors;

describe('batchWriteItemRewriter (DynamoDB API Reference, BatchWriteItem: UnprocessedItems in the same form as RequestItems)', () => {
  it('numbers entries table by table and forwards the kept ones grouped by table (a table left empty is dropped)', () => {
    // Act
    const split = batchWriteItemRewriter.withhold(request, new Map([[1, failure], [3, failure], [4, failure]]));

    // Assess
    expect(batchWriteItemRewriter.entryCount(request)).toBe(5);
    expect(split.forward).toEqual({ RequestItems: { UnicornSensorData: [put('a'), put('c')] }, ReturnConsumedCapacity: 'TOTAL' });
  });

  it('answers the withheld requests in UnprocessedItems, grouped by table, after any the emulator left', () => {
    // Prepare
    const split = batchWriteItemRewriter.withhold(request, new Map([[1, failure], [4, failure]]));

    // Act
    const answer = split.respond({ UnprocessedItems: { UnicornSensorData: [put('c')] }, ConsumedCapacity: [{ TableName: 'UnicornSensorData', CapacityUnits: 2 }] });

    // Assess
    expect(answer).toEqual({
      UnprocessedItems: { UnicornSensorData: [put('c'), put('b')], Fleet: [del('y')] },
      ConsumedCapacity: [{ TableName: 'UnicornSensorData', CapacityUnits: 2 }],
    });
  });

  it('answers UnprocessedItems even when the emulator sends none', () => {
    // Act
    const answer = batchWriteItemRewriter.withhold(request, new Map([[0, failure]])).respond({});

    // Assess
    expect(answer).toEqual({ UnprocessedItems: { UnicornSensorData: [put('a')] } });
  });

  it('never fails every request: DynamoDB throttles the call instead', () => {
    expect(batchWriteItemRewriter.canFailAll).toBe(false);
  });

  it('counts no entries in a request without RequestItems', () => {
    expect(batchWriteItemRewriter.entryCount({ TableName: 'x' })).toBe(0);
  });
});
