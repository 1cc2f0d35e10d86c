/**
 * Waits until `isIdle` holds on `settleChecks` consecutive checks (`true`), or until the
 * timeout passes or `signal` aborts (`false`).
 *
 * @example
 * ```ts
 * const settled = await waitUntilSettled(() => mapping.isIdle, { settleChecks: 4, intervalMs: 500, timeoutMs: 120_000 });
 * ```
 */
export async function waitUntilSettled(
  isIdle: () => boolean,
  options: { settleChecks: number; intervalMs: number; timeoutMs: number; signal?: AbortSignal },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  let calm = 0;
  while (Date.now() < deadline && !options.signal?.aborted) {
    calm = isIdle() ? calm + 1 : 0;
    if (calm >= options.settleChecks) return true;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  return false;
}
