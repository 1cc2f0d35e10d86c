import { JsonProtocolServer } from '../json-protocol-server';
import { assertValidPort } from '../ports';
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

class EventBridgeEmulator extends LocalEventBridge implements RunningEventBridge {
  readonly name = 'eventbridge';
  readonly #http = new JsonProtocolServer(this.name, EVENTBRIDGE_JSON_PROTOCOL, this);

  get port(): number {
    return this.#http.port;
  }

  get endpoint(): string {
    return this.#http.endpoint;
  }

  listen(port: number | undefined): Promise<void> {
    return this.#http.listen(port);
  }

  stop(): Promise<void> {
    this.stopDeliveries();
    return this.#http.stop();
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
  if (port !== undefined) assertValidPort(port);
  const emulator = new EventBridgeEmulator(busOptions);
  await emulator.listen(port);
  return emulator;
}
