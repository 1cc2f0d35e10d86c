import { ResourceNotReadyError } from './errors';
import { delay } from './wait-until';

/** How long {@link pollStatus} waits, and how often it asks. */
export interface PollStatusOptions {
  /**
   * How long to wait for the status, in ms.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Delay between two status calls, in ms.
   * @default 25
   */
  pollIntervalMs?: number;
}

/** What one status call saw: the status, and the value to return once it is the expected one. */
export interface StatusProbe<T> {
  status: string | undefined;
  value: T;
}

/**
 * Calls `probe` until it reports `expectedStatus`, then returns that probe's value. Emulators
 * usually answer ACTIVE at once; real services (and kinesalite with delays) take a while.
 *
 * @throws ResourceNotReadyError naming the resource and its last status after `timeoutMs`
 * @example
 * ```ts
 * const arn = await pollStatus('Kinesis stream rides', 'ACTIVE', async () => {
 *   const { StreamDescriptionSummary: summary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'rides' }));
 *   return { status: summary?.StreamStatus, value: summary?.StreamARN };
 * });
 * ```
 */
export async function pollStatus<T>(
  resource: string,
  expectedStatus: string,
  probe: () => Promise<StatusProbe<T>>,
  options: PollStatusOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollIntervalMs = options.pollIntervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, value } = await probe();
    if (status === expectedStatus) return value;
    if (Date.now() >= deadline) throw new ResourceNotReadyError(resource, expectedStatus, status, timeoutMs);
    await delay(pollIntervalMs);
  }
}
