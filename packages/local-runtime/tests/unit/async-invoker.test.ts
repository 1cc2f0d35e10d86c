import { describe, expect, it } from 'vitest';
import { AsyncInvoker } from '../../src/runtime/async-invoker.js';
import type { Invocation } from '../../src/function-host/function-host.js';

const ok: Invocation = { kind: 'returned', response: null, durationMs: 1, coldStart: false };
const fail = (message: string): Invocation => ({ kind: 'error', message, durationMs: 1, coldStart: false });

describe('AsyncInvoker', () => {
  it('retries a function error up to the bound, then sends the event to the on-failure destination', async () => {
    const calls: unknown[] = [];
    const failures: Array<{ event: unknown; lastError: string; condition: string; invokeCount: number }> = [];
    const invoker = new AsyncInvoker({
      invoke: async (event) => {
        calls.push(event);
        return fail('DynamoDB unreachable');
      },
      retryAttempts: 2,
      maxEventAgeSeconds: 3600,
      retryDelaysMs: [1, 2],
      onFailure: (event, lastError, condition, invokeCount) => {
        failures.push({ event, lastError, condition, invokeCount });
      },
    });

    invoker.accept({ id: 'e1' });
    await invoker.whenIdle();

    expect(calls).toHaveLength(3);
    // The on-failure record's approximateInvokeCount: the first try and two retries.
    expect(failures).toEqual([{ event: { id: 'e1' }, lastError: 'DynamoDB unreachable', condition: 'RetriesExhausted', invokeCount: 3 }]);
    expect(invoker.stats).toMatchObject({ received: 1, succeeded: 0, retries: 2, failed: 1 });
  });

  it('succeeds on a retry', async () => {
    let n = 0;
    const invoker = new AsyncInvoker({
      invoke: async () => (++n < 2 ? fail('throttled') : ok),
      retryAttempts: 2,
      maxEventAgeSeconds: 3600,
      retryDelaysMs: [1],
      onFailure: () => undefined,
    });
    invoker.accept({});
    await invoker.whenIdle();
    expect(invoker.stats).toMatchObject({ received: 1, succeeded: 1, retries: 1, failed: 0 });
    expect(invoker.isIdle).toBe(true);
  });

  it('gives up when the next retry would pass the maximum event age', async () => {
    const conditions: string[] = [];
    const invoker = new AsyncInvoker({
      invoke: async () => fail('down'),
      retryAttempts: 2,
      maxEventAgeSeconds: 1,
      retryDelaysMs: [5_000],
      onFailure: (_event, _error, condition) => {
        conditions.push(condition);
      },
    });
    invoker.accept({});
    await invoker.whenIdle();
    expect(conditions).toEqual(['EventAgeExceeded']);
  });
});
