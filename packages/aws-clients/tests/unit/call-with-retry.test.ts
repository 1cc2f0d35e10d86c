import { describe, expect, it, vi } from 'vitest';
import { callWithRetry } from '../../src/index.js';
import { fakeTime } from '../support/fake-time.js';
import { serviceError } from '../support/service-errors.js';

const retry = { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 3, minCallBudgetMs: 200 };

describe('callWithRetry', () => {
  it('returns the value of a call that succeeds at once, with an abort signal', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const operation = vi.fn(async (signal: AbortSignal | undefined) => (signal instanceof AbortSignal ? 'ok' : 'no signal'));

    // Act
    const outcome = await callWithRetry(operation, { deadline: time.deadline, sleep: time.sleep });

    // Assess
    expect(outcome).toEqual({ ok: true, value: 'ok', attempts: 1 });
    expect(time.sleeps).toEqual([]);
  });

  it('retries transient errors with backoff until the call succeeds', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const operation = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(serviceError('SlowDown', 'reduce your request rate', 503))
      .mockRejectedValueOnce(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .mockResolvedValueOnce('stored');

    // Act
    const outcome = await callWithRetry(operation, { deadline: time.deadline, sleep: time.sleep, random: () => 0.5, retry });

    // Assess
    expect(outcome).toEqual({ ok: true, value: 'stored', attempts: 3 });
    expect(time.sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts, retryable, with the last error', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const error = serviceError('ThrottlingException', 'slow down');
    const operation = vi.fn(async () => Promise.reject(error));

    // Act
    const outcome = await callWithRetry(operation, { deadline: time.deadline, sleep: time.sleep, random: () => 0.5, retry });

    // Assess
    expect(outcome).toEqual({
      ok: false,
      retryable: true,
      code: 'MaxAttemptsReached',
      reason: 'MaxAttemptsReached: ThrottlingException: slow down after 3 attempt(s)',
      cause: error,
      attempts: 3,
    });
    expect(operation).toHaveBeenCalledTimes(3);
  });

  it('gives up when the deadline leaves no time for another delay and call', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const error = serviceError('ThrottlingException', 'slow down');
    const operation = vi.fn(async () => {
      time.advance(9_760);
      throw error;
    });

    // Act: 240 ms left < delay 50 + budget 200
    const outcome = await callWithRetry(operation, { deadline: time.deadline, sleep: time.sleep, random: () => 0.5, retry });

    // Assess
    expect(outcome).toMatchObject({
      ok: false,
      retryable: true,
      code: 'DeadlineReached',
      reason: 'DeadlineReached: ThrottlingException: slow down after 1 attempt(s)',
      attempts: 1,
    });
    expect(time.sleeps).toEqual([]);
  });

  it('does not call again when a backoff sleep overran the deadline', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const operation = vi.fn(async () => Promise.reject(serviceError('ThrottlingException', 'slow')));
    const overrunningSleep = async () => {
      time.advance(9_900);
    };

    // Act
    const outcome = await callWithRetry(operation, { deadline: time.deadline, sleep: overrunningSleep, retry });

    // Assess
    expect(operation).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ ok: false, retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: ThrottlingException: slow after 1 attempt(s)' });
  });

  it('does not call at all when the deadline has passed', async () => {
    // Prepare
    const time = fakeTime(100);
    const operation = vi.fn(async () => 'never');

    // Act
    const outcome = await callWithRetry(operation, { deadline: time.deadline, sleep: time.sleep, retry });

    // Assess
    expect(outcome).toEqual({ ok: false, retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: not attempted', cause: undefined, attempts: 0 });
    expect(operation).not.toHaveBeenCalled();
  });

  it('does not retry an invalid request, and marks it not retryable', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const error = serviceError('InvalidArgument', 'bad key');

    // Act
    const outcome = await callWithRetry(async () => Promise.reject(error), { deadline: time.deadline, sleep: time.sleep });

    // Assess
    expect(outcome).toEqual({ ok: false, retryable: false, code: 'Invalid', reason: 'InvalidArgument: bad key', cause: error, attempts: 1 });
  });

  it('does not retry an environment error now, but leaves it retryable for later', async () => {
    // Prepare
    const time = fakeTime(10_000);
    const error = serviceError('AccessDenied', 'no', 403);

    // Act
    const outcome = await callWithRetry(async () => Promise.reject(error), { deadline: time.deadline, sleep: time.sleep });

    // Assess
    expect(outcome).toEqual({ ok: false, retryable: true, code: 'Environment', reason: 'AccessDenied: no', cause: error, attempts: 1 });
  });
});
