import { FAULT_PROFILES, startFaultProxy, type FaultService, type OutageKind, type RunningFaultProxy } from '@wildrydes/emulators';
import type { FaultReport } from '../report/reconcile.js';

/** The `--faults` profiles that inject faults. */
export type ChaosProfile = 'light' | 'heavy';

/** The SDK's endpoint variable of each service. */
const ENDPOINT_VARIABLES: Readonly<Record<FaultService, string>> = {
  kinesis: 'AWS_ENDPOINT_URL_KINESIS',
  dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB',
  s3: 'AWS_ENDPOINT_URL_S3',
  eventbridge: 'AWS_ENDPOINT_URL_EVENTBRIDGE',
  sqs: 'AWS_ENDPOINT_URL_SQS',
};

/** The heavy profile's outage: which service, how it fails, when and for how long. */
export interface OutageSchedule {
  readonly service: FaultService;
  readonly kind: OutageKind;
  /** From the start of the run. */
  readonly startAfterMs: number;
  readonly durationMs: number;
}

/**
 * The heavy profile's outage for a run of `durationSeconds`: DynamoDB denies every call
 * (`AccessDeniedException`, as when the key a table is encrypted with is disabled or a policy
 * change locks the functions out) for a quarter of the run, at least 6 s, starting a third of
 * the way in. The writer and the consumer do not retry an access error inside an invocation
 * (it is not transient), they hand the batch back at once, so the mappings' bounded retries run
 * out within the outage and records really reach the on-failure destinations.
 *
 * @example
 * ```ts
 * heavyOutage(30); // { service: 'dynamodb', kind: 'denied', startAfterMs: 10000, durationMs: 7500 }
 * ```
 */
export function heavyOutage(durationSeconds: number): OutageSchedule {
  return {
    service: 'dynamodb',
    kind: 'denied',
    startAfterMs: Math.round((durationSeconds * 1000) / 3),
    durationMs: Math.max(6_000, Math.round((durationSeconds * 1000) / 4)),
  };
}

/**
 * `npm start -- --faults <light|heavy>`: one fault proxy in front of each emulator the functions
 * call, seeded, with the profile's plan; the functions' `AWS_ENDPOINT_URL_<SERVICE>` point at the
 * proxies, while the runtime itself (the mappings' reads, the simulator, the on-failure
 * destinations, the re-drive, the reconciliation) talks to the emulators directly, as Lambda's
 * own machinery is not the functions' traffic. `calm()` stops every fault (when the run drains
 * its on-failure destinations); `report()` gives the faults injected per service and kind.
 */
export class Chaos {
  private outageTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly profile: ChaosProfile,
    private readonly proxies: ReadonlyMap<FaultService, RunningFaultProxy>,
    readonly outage: OutageSchedule | undefined,
  ) {}

  /** Starts a proxy per service in `targets` (service -> emulator endpoint). */
  static async start(options: {
    readonly profile: ChaosProfile;
    readonly seed: number;
    readonly targets: Readonly<Partial<Record<FaultService, string>>>;
    readonly outage?: OutageSchedule;
  }): Promise<Chaos> {
    const proxies = new Map<FaultService, RunningFaultProxy>();
    try {
      let offset = 0;
      for (const [service, target] of Object.entries(options.targets) as Array<[FaultService, string]>) {
        offset += 1;
        proxies.set(
          service,
          await startFaultProxy({
            service,
            target,
            plan: FAULT_PROFILES[options.profile],
            // One generator per service, all derived from the run's seed: the same seed gives the same faults.
            seed: options.seed * 31 + offset,
          }),
        );
      }
    } catch (error) {
      await Promise.allSettled([...proxies.values()].map((proxy) => proxy.stop()));
      throw error;
    }
    return new Chaos(options.profile, proxies, options.profile === 'heavy' ? options.outage : undefined);
  }

  /** The endpoint variables that send the functions' calls through the proxies. */
  functionEnvironment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [service, proxy] of this.proxies) env[ENDPOINT_VARIABLES[service]] = proxy.endpoint;
    return env;
  }

  /** Starts the clock of the heavy profile's outage (call when the simulator starts). */
  begin(): void {
    const { outage } = this;
    if (!outage) return;
    this.outageTimer = setTimeout(() => this.proxies.get(outage.service)?.startOutage(outage.durationMs, outage.kind), outage.startAfterMs);
    this.outageTimer.unref();
  }

  /** No more faults: the plan of every proxy becomes `none` and an outage in progress (or to come) ends. */
  calm(): void {
    clearTimeout(this.outageTimer);
    for (const proxy of this.proxies.values()) {
      proxy.setPlan(FAULT_PROFILES.none);
      proxy.endOutage();
    }
  }

  /** Faults injected so far: service -> kind -> requests affected (only kinds that happened, plus `outage` when scheduled). */
  report(): FaultReport {
    const report: Record<string, Record<string, number>> = {};
    for (const [service, proxy] of this.proxies) {
      report[service] = Object.fromEntries(Object.entries(proxy.counts()).filter(([kind, n]) => n > 0 || (kind === 'outage' && this.outage?.service === service)));
    }
    return report;
  }

  /** What the live view shows: the profile, requests affected per service, and the service that is out now. */
  liveStatus(): { profile: string; byService: Record<string, number>; outage?: string } {
    const byService = Object.fromEntries(
      [...this.proxies].map(([service, proxy]) => {
        const { partialEntries: _entries, ...kinds } = proxy.counts();
        return [service, Object.values(kinds).reduce((sum, n) => sum + n, 0)];
      }),
    );
    const out = [...this.proxies].find(([, proxy]) => proxy.outage() !== undefined)?.[0];
    return { profile: this.profile, byService, ...(out ? { outage: out } : {}) };
  }

  async stop(): Promise<void> {
    clearTimeout(this.outageTimer);
    await Promise.allSettled([...this.proxies.values()].map((proxy) => proxy.stop()));
  }
}
