import { EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { clientConfig } from './helpers';

/** A real SDK v3 EventBridge client pointed at the emulator; `maxAttempts: 1` so injected call faults surface. */
export function eventBridgeClient(endpoint: string, maxAttempts = 1): EventBridgeClient {
  return new EventBridgeClient({ ...clientConfig, endpoint, maxAttempts });
}

/** A valid ride event entry; `overrides` replace fields. */
export function rideEntry(rideId: string, overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry {
  return {
    Source: 'wildrydes.rides',
    DetailType: 'RideCompleted',
    Detail: JSON.stringify({ rideId, fare: 12.5 }),
    ...overrides,
  };
}

/** The `rideId` of each event's detail, in order. */
export function rideIds(events: ReadonlyArray<{ detail: Record<string, unknown> }>): unknown[] {
  return events.map((event) => event.detail['rideId']);
}

/** A promise with its resolve function, to hold a target until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
