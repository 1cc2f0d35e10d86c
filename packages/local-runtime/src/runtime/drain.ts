/** Waits until `isIdle` holds on `settleChecks` consecutive checks, or the timeout passes. */
export async function waitUntilSettled(isIdle: () => boolean, options: { settleChecks: number; intervalMs: number; timeoutMs: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  let calm = 0;
  while (Date.now() < deadline) {
    calm = isIdle() ? calm + 1 : 0;
    if (calm >= options.settleChecks) return true;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  return false;
}
