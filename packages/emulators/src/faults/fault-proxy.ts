import { Agent, createServer } from 'node:http';
import { closeHttpServer, listenOnLoopback } from '../http-server';
import { assertValidPort } from '../ports';
import { loopbackEndpoint, type RunningEmulator } from '../running-emulator';
import { FaultCounters } from './fault-counters';
import { FaultDecider } from './fault-decider';
import { handleWithFaults } from './fault-handler';
import { FAULT_PROFILES, type FaultPlan } from './fault-plan';
import { Outage, type ActiveOutage } from './outage';
import { FAULT_KINDS, FAULT_SERVICES, type FaultCounts, type FaultKind, type FaultService, type InjectedFault, type OutageKind } from './types';

/** Options for {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** The service behind the proxy: decides the error shapes and which calls are batches. */
  service: FaultService;
  /** The emulator's endpoint URL, e.g. `http://127.0.0.1:4567`. */
  target: string;
  /** Probability of each fault per request. Default {@link FAULT_PROFILES}`.none` (forward everything). */
  plan?: FaultPlan;
  /** Seed of the fault generator: the same seed and the same requests give the same faults. Default 1. */
  seed?: number;
  /**
   * Which operations get faults (random, queued and outages), by name (`PutRecords`,
   * `BatchWriteItem`, S3 `PutObject`, …); the others are always forwarded untouched.
   * Default every operation.
   */
  operations?: (operation: string) => boolean;
  /** Called for every fault injected, e.g. to show it in a live view. */
  onFault?: (fault: InjectedFault) => void;
  /** Port on 127.0.0.1; omitted means a free port chosen by the OS. */
  port?: number;
}

/** A running fault proxy: an endpoint for SDK clients in front of one emulator. */
export interface RunningFaultProxy extends RunningEmulator {
  readonly service: FaultService;
  /** The emulator's endpoint the proxy forwards to. */
  readonly target: string;
  /** Requests affected so far, per fault kind. */
  counts(): FaultCounts;
  /**
   * Fails every request (of the operations that get faults) for `durationMs`: `unavailable`
   * answers 503 `ServiceUnavailable` in the service's protocol, `refused` drops every connection.
   * A new outage replaces the one in progress.
   */
  startOutage(durationMs: number, kind?: OutageKind): void;
  /** Ends the outage in progress, if any. */
  endOutage(): void;
  /** The outage in progress, if any. */
  outage(): ActiveOutage | undefined;
  /** Calls `listener` when an outage ends (by its duration or `endOutage`); returns an unsubscribe function. */
  onOutageEnd(listener: () => void): () => void;
  /**
   * Queues faults for the next requests that get faults, before the plan is drawn from
   * (`partialBatch` waits for a batch call). For tests and demonstrations.
   */
  failNext(kind: FaultKind, count?: number): void;
  /** Replaces the plan (e.g. `FAULT_PROFILES.none` once a run drains); the generator keeps its position. */
  setPlan(plan: FaultPlan): void;
}

/** Invalid options for {@link startFaultProxy}. */
export class InvalidFaultProxyOptionsError extends Error {
  override readonly name = 'InvalidFaultProxyOptionsError';
}

/**
 * Starts an HTTP reverse proxy on 127.0.0.1 in front of one emulator. Every request is forwarded
 * unchanged (method, path, headers including `Host`, so SigV4 signatures stay as signed; bodies
 * streamed both ways) unless the seeded plan, a queued fault or an outage gives it a fault in
 * AWS's own shape: the service's throttling error, a 5xx, a connection dropped before or after
 * the emulator did the work, or a partial batch failure (BatchWriteItem `UnprocessedItems`,
 * PutRecords `FailedRecordCount`, PutEvents `FailedEntryCount`, SQS batch `Failed`).
 *
 * @throws InvalidFaultProxyOptionsError for an unknown service or a bad target;
 *   InvalidFaultPlanError for a bad plan; PortInUseError when `port` is taken.
 * @example
 * ```ts
 * const proxy = await startFaultProxy({ service: 'kinesis', target: kinesis.endpoint, plan: FAULT_PROFILES.light, seed: 42 });
 * process.env.AWS_ENDPOINT_URL_KINESIS = proxy.endpoint;
 * // …
 * proxy.counts(); // { throttle: 3, serverError: 1, … }
 * await proxy.stop();
 * ```
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<RunningFaultProxy> {
  if (!FAULT_SERVICES.includes(options.service)) {
    throw new InvalidFaultProxyOptionsError(`service must be one of ${FAULT_SERVICES.join(', ')} (given ${String(options.service)})`);
  }
  const target = parseTarget(options.target);
  if (options.port !== undefined) assertValidPort(options.port);
  const decider = new FaultDecider(options.plan ?? FAULT_PROFILES.none, options.seed ?? 1);
  const counters = new FaultCounters();
  const outage = new Outage();
  const forced: FaultKind[] = [];
  const agent = new Agent({ keepAlive: true });
  const context = {
    service: options.service,
    upstream: { target, agent },
    decider,
    counters,
    outage,
    forced,
    operations: options.operations ?? (() => true),
    onFault: options.onFault ?? (() => undefined),
  };
  const server = createServer((request, response) => void handleWithFaults(context, request, response));
  const port = await listenOnLoopback(server, options.port);

  let stopping: Promise<void> | undefined;
  return {
    name: `fault-proxy-${options.service}`,
    endpoint: loopbackEndpoint(port),
    port,
    service: options.service,
    target: options.target,
    counts: () => counters.snapshot(),
    startOutage: (durationMs, kind = 'unavailable') => outage.start(durationMs, kind),
    endOutage: () => outage.end(),
    outage: () => outage.current(),
    onOutageEnd: (listener) => outage.onEnd(listener),
    failNext(kind, count = 1) {
      if (!FAULT_KINDS.includes(kind)) throw new InvalidFaultProxyOptionsError(`kind must be one of ${FAULT_KINDS.join(', ')} (given ${String(kind)})`);
      if (!Number.isInteger(count) || count < 1) throw new InvalidFaultProxyOptionsError(`count must be an integer >= 1 (given ${count})`);
      for (let i = 0; i < count; i += 1) forced.push(kind);
    },
    setPlan: (plan) => decider.setPlan(plan),
    stop: () =>
      (stopping ??= (async () => {
        outage.end();
        await closeHttpServer(server);
        agent.destroy();
      })()),
  };
}

function parseTarget(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch (error) {
    throw new InvalidFaultProxyOptionsError(`target must be an http:// URL (given ${target})`, { cause: error });
  }
  if (url.protocol !== 'http:') throw new InvalidFaultProxyOptionsError(`target must be an http:// URL (given ${target})`);
  return url;
}
