import { apiErrorAnswer } from './api-error';
import { DeliveryScheduler } from './delivery-scheduler';
import { EventBusRegistry, type StoredRule } from './event-bus-registry';
import { buildEventEnvelope } from './event-envelope';
import { RuleAlreadyExistsError } from './errors';
import { FaultInjector, type EntryFault, type RequestFault } from './fault-injection';
import { createOperationTable, type OperationHandler } from './operations/dispatch';
import { resolveLocalEventBridgeOptions, type LocalEventBridgeOptions } from './options';
import type { AcceptedEntry } from './put-events-entry';
import { RequestLog, type ReceivedRequest } from './request-log';
import { resolveRetryPolicy } from './retry-policy';
import type { BusEvent, BusListener, DeadLetterHandler, RetryPolicy, RuleCounters, RuleTarget } from './types';

/** A rule with a function target, for the local runtime and tests. */
export interface AddRuleOptions {
  name: string;
  /** Name or ARN of the bus. @default 'default' */
  eventBusName?: string;
  /** An EventBridge event pattern (object or JSON text), validated like EventBridge does. */
  eventPattern: object | string;
  /** Invoked asynchronously with each matching event; throwing (rejecting) means "retry". */
  target: RuleTarget;
  /** @default EventBridge's: 185 retries within 86,400 s */
  retryPolicy?: Partial<RetryPolicy>;
  /** Receives events whose delivery gave up. Without it they are dropped (and counted). */
  deadLetter?: DeadLetterHandler;
}

/** Handle of a rule added with {@link LocalEventBridge.addRule}. */
export interface LocalRule {
  readonly name: string;
  readonly arn: string;
  readonly eventBusName: string;
  /** A snapshot of the rule's counters. */
  counters(): RuleCounters;
  /** Deletes the rule and its target; deliveries already scheduled still run. */
  remove(): void;
}

/**
 * An in-memory EventBridge: buses, rules, targets, PutEvents with EventBridge's validation and
 * per-entry failures, asynchronous at-least-once delivery with retries and dead letters, fault
 * injection, and a record of every accepted event. {@link startEventBridge} serves it over HTTP.
 *
 * @example
 * ```ts
 * const bus = new LocalEventBridge({ retryBaseDelayMs: 5 });
 * bus.addRule({ name: 'completed', eventPattern: { 'detail-type': ['RideCompleted'] }, target: async (event) => handle(event) });
 * bus.handle('PutEvents', { Entries: [{ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{}' }] });
 * await bus.whenIdle();
 * ```
 */
export class LocalEventBridge {
  readonly accountId: string;
  readonly region: string;
  readonly #registry: EventBusRegistry;
  readonly #faults = new FaultInjector();
  readonly #scheduler: DeliveryScheduler;
  readonly #operations: ReadonlyMap<string, OperationHandler>;
  readonly #published: Array<{ readonly event: BusEvent; readonly eventBusName: string }> = [];
  readonly #listeners = new Set<BusListener>();
  readonly #requests: RequestLog;
  readonly #historyLimit: number;

  constructor(options: LocalEventBridgeOptions = {}) {
    const resolved = resolveLocalEventBridgeOptions(options);
    this.#historyLimit = resolved.historyLimit;
    this.#requests = new RequestLog(resolved.historyLimit);
    this.accountId = resolved.accountId;
    this.region = resolved.region;
    this.#registry = new EventBusRegistry({ accountId: resolved.accountId, region: resolved.region });
    this.#scheduler = new DeliveryScheduler({ retryBaseDelayMs: resolved.retryBaseDelayMs });
    this.#operations = createOperationTable(this.#registry, {
      maxEntryBytes: resolved.maxEntryBytes,
      maxRequestBytes: resolved.maxRequestBytes,
      faults: this.#faults,
      eventBusExists: (name) => this.#registry.hasBus(name),
      publish: (entry) => this.#publish(entry),
    });
  }

  /**
   * Runs an API operation (`PutEvents`, `CreateEventBus`, … as in `X-Amz-Target: AWSEvents.<Operation>`)
   * on a parsed request body and returns the response body. Queued request faults apply first.
   * Every call of an implemented operation is logged for {@link requests}, failed ones included.
   *
   * @throws EventBridgeApiError (or InvalidEventPatternError from `@wildrydes/event-patterns`) as the API answers
   * @returns `undefined` for an operation the emulator does not implement
   */
  handle(operation: string, input: unknown): unknown {
    const handler = this.#operations.get(operation);
    if (handler === undefined) return undefined;
    const received = this.#requests.record(operation, input);
    try {
      this.#faults.throwRequestFault(operation);
      return handler(input);
    } catch (error) {
      received.failedWith(apiErrorAnswer(error).code);
      throw error;
    }
  }

  /** Whether {@link handle} implements `operation`. */
  supports(operation: string): boolean {
    return this.#operations.has(operation);
  }

  /** Every accepted event (of one bus, if named), oldest first, as copies. */
  published(eventBusName?: string): BusEvent[] {
    return this.#published
      .filter((record) => eventBusName === undefined || record.eventBusName === eventBusName)
      .map((record) => structuredClone(record.event));
  }

  /** Forgets the accepted events (rules, counters and pending deliveries are untouched). */
  clearPublished(): void {
    this.#published.length = 0;
  }

  /**
   * Every API call received (of `operation`, if given), oldest first, as copies: calls that
   * failed as a whole (an injected request fault, a `ValidationException`) carry their
   * `errorCode`, and PutEvents calls list their `entries`. Bodies that never reach an operation
   * (not JSON, an unknown operation) are not logged.
   *
   * @example
   * ```ts
   * eventbridge.requests('PutEvents').map((request) => request.entries.length); // [10, 10, 5]
   * ```
   */
  requests(operation?: string): ReceivedRequest[] {
    return this.#requests.list(operation);
  }

  /** Forgets the logged API calls (see {@link requests}). */
  clearRequests(): void {
    this.#requests.clear();
  }

  /**
   * Calls `listener` for every event accepted from now on, before PutEvents answers.
   * A listener that throws is reported as a process warning. Returns the unsubscribe function.
   */
  subscribe(listener: BusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Creates an event bus. @throws EventBusAlreadyExistsError, EventBridgeValidationError */
  createEventBus(name: string, description?: string): { name: string; arn: string } {
    const bus = this.#registry.createBus(name, description);
    return { name: bus.name, arn: bus.arn };
  }

  /**
   * Adds a rule whose target is a function. Delivery is asynchronous (PutEvents answers first),
   * with EventBridge's retries: exponential backoff from `retryBaseDelayMs` until the retry
   * policy runs out, then `deadLetter(event, EventDeliveryFailedError)`.
   *
   * @throws RuleAlreadyExistsError, EventBusNotFoundError, InvalidEventBridgeOptionsError (retry
   *   policy), InvalidEventPatternError (pattern)
   */
  addRule(options: AddRuleOptions): LocalRule {
    const bus = this.#registry.getBus(options.eventBusName);
    if (bus.rules.has(options.name)) throw new RuleAlreadyExistsError(options.name, bus.name);
    const retryPolicy = resolveRetryPolicy(options.retryPolicy);
    const rule = this.#registry.putRule({ name: options.name, eventBusName: bus.name, eventPattern: options.eventPattern });
    const arn = `arn:aws:lambda:${this.region}:${this.accountId}:function:${options.name}`;
    this.#registry.putTargets(rule.name, bus.name, [
      {
        id: 'local-target',
        arn,
        retryPolicy,
        description: {
          Id: 'local-target',
          Arn: arn,
          RetryPolicy: { MaximumRetryAttempts: retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeSeconds },
        },
        invoke: options.target,
        deadLetter: options.deadLetter,
      },
    ]);
    return {
      name: rule.name,
      arn: rule.arn,
      eventBusName: bus.name,
      counters: () => ({ ...rule.counters }),
      remove: () => this.#registry.deleteRule(rule.name, bus.name, true),
    };
  }

  /** A snapshot of a rule's counters (rules created over HTTP count `matched` too). @throws RuleNotFoundError */
  ruleCounters(ruleName: string, eventBusName?: string): RuleCounters {
    return { ...this.#registry.getRule(ruleName, eventBusName).counters };
  }

  /** Makes the next `count` valid PutEvents entries (that `match` accepts) fail with `errorCode`. */
  failNext(fault: EntryFault): void {
    this.#faults.failNext(fault);
  }

  /** Makes the next `count` API calls (of `operation`, if given) fail as a whole with `errorCode`. */
  failNextRequests(fault: RequestFault): void {
    this.#faults.failNextRequests(fault);
  }

  /** Drops queued faults that have not fired. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** Resolves when no delivery is pending: every matched event was delivered, dead-lettered or dropped. */
  whenIdle(): Promise<void> {
    return this.#scheduler.whenIdle();
  }

  /** Deliveries scheduled and not finished. */
  pendingDeliveries(): number {
    return this.#scheduler.pending;
  }

  /** Cancels waiting retries and deliveries not yet started (used on stop). */
  protected stopDeliveries(): void {
    this.#scheduler.stop();
  }

  #publish(entry: AcceptedEntry): string {
    const receivedAtMs = Date.now();
    const event = buildEventEnvelope(entry, this.#registry.scope, new Date(receivedAtMs));
    this.#published.push({ event, eventBusName: entry.eventBusName });
    if (this.#published.length > this.#historyLimit) this.#published.shift();
    this.#notify(event, entry.eventBusName);
    for (const rule of this.#registry.matchingRules(entry.eventBusName, event)) this.#deliver(rule, event, receivedAtMs);
    return event.id;
  }

  #deliver(rule: StoredRule, event: BusEvent, receivedAtMs: number): void {
    rule.counters.matched += 1;
    for (const target of rule.targets.values()) {
      if (target.invoke === undefined) continue;
      this.#scheduler.schedule({
        event,
        eventBusName: rule.eventBusName,
        ruleName: rule.name,
        receivedAtMs,
        target: target.invoke,
        retryPolicy: target.retryPolicy,
        deadLetter: target.deadLetter,
        counters: rule.counters,
      });
    }
  }

  #notify(event: BusEvent, eventBusName: string): void {
    for (const listener of this.#listeners) {
      try {
        listener(structuredClone(event), { eventBusName });
      } catch (error) {
        process.emitWarning(`EventBridge emulator listener threw for event ${event.id}: ${String(error)}`, 'EventBridgeEmulatorWarning');
      }
    }
  }
}
