import { putEvents, type RetryOptions } from '@wildrydes/aws-clients';
import type { EventPublisher } from '../ports.js';
import { retryOptionsOf } from './retry-settings.js';

/** The EventBridge client `putEvents` takes. */
type EventBridgeClient = Parameters<typeof putEvents>[0];

/** How hard the publisher tries. */
export interface EventBridgePublisherSettings {
  /**
   * Time for one put (up to 10 events), retries included.
   * @default 60000
   */
  readonly putTimeoutMs?: number;
  readonly retry?: RetryOptions;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Puts events back on their buses with `putEvents` from `@wildrydes/aws-clients`: only the
 * entries that failed (`FailedEntryCount`) are retried, with backoff, within `putTimeoutMs`;
 * what still fails is reported per entry.
 *
 * @example
 * ```ts
 * const publisher = eventBridgePublisher(createEventBridgeClient());
 * const { accepted, failed } = await publisher.put([{ ref: 0, entry: { Source, DetailType, Detail, EventBusName } }]);
 * ```
 */
export function eventBridgePublisher(client: EventBridgeClient, settings: EventBridgePublisherSettings = {}): EventPublisher {
  return {
    async put(events) {
      const { deadline, retry } = retryOptionsOf({ callTimeoutMs: settings.putTimeoutMs ?? 60_000, ...settings });
      const result = await putEvents(client, { entries: events.map(({ ref, entry }) => ({ ref, entry })), deadline, ...(retry === undefined ? {} : { retry }) });
      return { accepted: result.published.map(({ ref }) => ref), failed: result.failed.map(({ ref, reason }) => ({ ref, reason })) };
    },
  };
}
