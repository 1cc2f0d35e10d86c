import type { LocalQueue } from './local-queue';

/**
 * Resolves when `queue` may have a visible message (one was sent, moved in or made visible), when
 * its next delayed or in-flight message becomes visible, at `deadline` (epoch ms), or when
 * `signal` aborts, whichever comes first. ReceiveMessage's long poll loops on it.
 *
 * @example
 * ```ts
 * await waitForVisibleMessage(queue, Date.now() + 20_000, Date.now, request.signal);
 * ```
 */
export function waitForVisibleMessage(queue: LocalQueue, deadline: number, now: () => number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const wakeAt = Math.min(deadline, queue.nextVisibleAt() ?? Number.POSITIVE_INFINITY);
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, wakeAt - now()));
    const unsubscribe = queue.onChange(done);
    signal.addEventListener('abort', done, { once: true });
  });
}
