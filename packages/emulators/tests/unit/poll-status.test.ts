import { describe, expect, it } from 'vitest';
import { ResourceNotReadyError } from '../../src/index';
import { pollStatus } from '../../src/poll-status';

describe('pollStatus', () => {
  it('asks until the status is the expected one and returns that answer’s value', async () => {
    // Prepare
    const statuses = ['CREATING', 'CREATING', 'ACTIVE'];
    let calls = 0;

    // Act
    const value = await pollStatus('Kinesis stream rides', 'ACTIVE', async () => ({ status: statuses[calls], value: `answer-${calls++}` }), {
      pollIntervalMs: 1,
    });

    // Assess
    expect(value).toBe('answer-2');
    expect(calls).toBe(3);
  });

  it('gives up after timeoutMs naming the resource and its last status', async () => {
    // Act
    const error = await pollStatus('DynamoDB table Rides', 'ACTIVE', async () => ({ status: 'CREATING', value: undefined }), {
      timeoutMs: 30,
      pollIntervalMs: 5,
    }).catch((thrown: unknown) => thrown);

    // Assess
    expect(error).toBeInstanceOf(ResourceNotReadyError);
    expect(error).toMatchObject({
      message: 'DynamoDB table Rides did not become ACTIVE within 30 ms (last status: CREATING)',
      resource: 'DynamoDB table Rides',
      lastStatus: 'CREATING',
    });
  });
});
