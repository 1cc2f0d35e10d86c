import { servedOverJsonProtocol, startListening } from '../json-protocol-server';
import type { RunningEmulator } from '../running-emulator';
import { EVENTBRIDGE_JSON_PROTOCOL } from './json-protocol';
import { LocalEventBridge } from './local-event-bridge';
import type { LocalEventBridgeOptions } from './options';

/** Options for {@link startEventBridge}. */
export interface EventBridgeOptions extends LocalEventBridgeOptions {
  /** Port on 127.0.0.1; omitted means a free port chosen by the OS. */
  port?: number;
}

/** The public bus API of {@link LocalEventBridge} (structural, so tests can fake it). */
export type EventBridgeBusApi = Pick<LocalEventBridge, keyof LocalEventBridge>;

/** The EventBridge emulator: its HTTP endpoint plus the bus API (events, rules, faults, counters). */
export interface RunningEventBridge extends RunningEmulator, EventBridgeBusApi {}

class EventBridgeEmulator extends servedOverJsonProtocol(LocalEventBridge, 'eventbridge', EVENTBRIDGE_JSON_PROTOCOL) implements RunningEventBridge {
  override stop(): Promise<void> {
    this.stopDeliveries();
    return super.stop();
  }
}

/**
 * Starts the workspace's EventBridge emulator in this process on 127.0.0.1, with the `default`
 * bus. SDK v3 clients reach it through `AWS_ENDPOINT_URL_EVENTBRIDGE` (or `endpoint`); it speaks
 * the AWS JSON 1.1 protocol for PutEvents, CreateEventBus, DescribeEventBus, ListEventBuses,
 * PutRule, DescribeRule, ListRules, DeleteRule, PutTargets, RemoveTargets and ListTargetsByRule.
 * `stop()` closes the port and cancels retries still waiting.
 *
 * @throws PortInUseError when an explicit `port` is taken; EmulatorStartError if listening fails;
 *   InvalidEventBridgeOptionsError for invalid options
 * @example
 * ```ts
 * const eventbridge = await startEventBridge({ retryBaseDelayMs: 5 });
 * eventbridge.addRule({ name: 'completed', eventPattern: { 'detail-type': ['RideCompleted'] }, target: async (event) => consume(event) });
 * const client = new EventBridgeClient({ endpoint: eventbridge.endpoint });
 * await client.send(new PutEventsCommand({ Entries: [{ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-1"}' }] }));
 * await eventbridge.whenIdle();
 * eventbridge.published(); // [{ version: '0', id: '…', 'detail-type': 'RideCompleted', … }]
 * await eventbridge.stop();
 * ```
 */
export async function startEventBridge(options: EventBridgeOptions = {}): Promise<RunningEventBridge> {
  const { port, ...busOptions } = options;
  return startListening(port, () => new EventBridgeEmulator(busOptions));
}
