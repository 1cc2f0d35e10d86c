import { percentile } from './percentile.js';

/** What the run observed, gathered after draining. */
export interface RunObservations {
  /** Valid readings accepted by the raw stream, by table key. */
  readonly sentValid: ReadonlySet<string>;
  /** Malformed readings accepted by the raw stream. */
  readonly sentMalformed: number;
  /** Keys present in UnicornSensorData. */
  readonly storedKeys: ReadonlySet<string>;
  /** Quarantined records, by the function that quarantined them and the reason. */
  readonly quarantined: ReadonlyArray<{ readonly quarantinedBy: string; readonly reason: string }>;
  /** Events the bus accepted that the consumer's rule selects. */
  readonly eventsPublished: number;
  /** Of those, events the consumer handled successfully. */
  readonly eventsConsumed: number;
  /** Differences between the read model and what was sent; empty when it matches. */
  readonly readModelMismatches: readonly string[];
  readonly readModelUnicorns: number;
  /** Records and events that ended in an on-failure destination or dead-letter queue. */
  readonly onFailure: number;
  /** Put-to-stored latencies of valid readings, ms. */
  readonly latenciesMs: readonly number[];
  readonly rideEventsAccepted: number;
  readonly durationSeconds: number;
}

/** The reconciliation printed at the end of `npm start` and written by `--summary`. */
export interface Reconciliation {
  readonly ok: boolean;
  readonly sent: number;
  readonly stored: number;
  readonly quarantined: number;
  readonly lost: number;
  readonly missingValid: number;
  readonly eventsPublished: number;
  readonly eventsConsumed: number;
  readonly rideEventsAccepted: number;
  readonly onFailure: number;
  readonly readModel: { readonly unicorns: number; readonly matches: boolean; readonly mismatches: readonly string[] };
  readonly quarantineByReason: Readonly<Record<string, number>>;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number; readonly samples: number };
  readonly durationSeconds: number;
  readonly problems: readonly string[];
}

/**
 * Checks that nothing was lost: every reading sent was stored or quarantined (sent = stored +
 * quarantined), every valid reading was stored, every event the consumer owns was consumed, no
 * record or event ended in an on-failure destination, and the read model matches what was sent.
 */
export function reconcile(observed: RunObservations): Reconciliation {
  const sent = observed.sentValid.size + observed.sentMalformed;
  const stored = [...observed.sentValid].filter((key) => observed.storedKeys.has(key)).length;
  const quarantined = observed.quarantined.length;
  const lost = Math.max(0, sent - stored - quarantined);
  const missingValid = observed.sentValid.size - stored;
  const quarantineByReason: Record<string, number> = {};
  for (const { quarantinedBy, reason } of observed.quarantined) {
    const key = `${quarantinedBy}: ${reason}`;
    quarantineByReason[key] = (quarantineByReason[key] ?? 0) + 1;
  }
  const problems: string[] = [];
  if (lost > 0) problems.push(`${lost} reading(s) neither stored nor quarantined`);
  if (missingValid > 0) problems.push(`${missingValid} valid reading(s) not in UnicornSensorData`);
  if (quarantined > observed.sentMalformed) problems.push(`${quarantined - observed.sentMalformed} more record(s) quarantined than malformed readings sent`);
  if (observed.eventsConsumed < observed.eventsPublished) {
    problems.push(`${observed.eventsPublished - observed.eventsConsumed} event(s) published but not consumed`);
  }
  if (observed.onFailure > 0) problems.push(`${observed.onFailure} record(s) or event(s) in an on-failure destination`);
  if (observed.readModelMismatches.length > 0) problems.push(`read model differs: ${observed.readModelMismatches.length} mismatch(es)`);
  return {
    ok: problems.length === 0,
    sent,
    stored,
    quarantined,
    lost,
    missingValid,
    eventsPublished: observed.eventsPublished,
    eventsConsumed: observed.eventsConsumed,
    rideEventsAccepted: observed.rideEventsAccepted,
    onFailure: observed.onFailure,
    readModel: {
      unicorns: observed.readModelUnicorns,
      matches: observed.readModelMismatches.length === 0,
      mismatches: observed.readModelMismatches.slice(0, 20),
    },
    quarantineByReason,
    latencyMs: {
      p50: Math.round(percentile(observed.latenciesMs, 50)),
      p99: Math.round(percentile(observed.latenciesMs, 99)),
      max: Math.round(percentile(observed.latenciesMs, 100)),
      samples: observed.latenciesMs.length,
    },
    durationSeconds: observed.durationSeconds,
    problems,
  };
}

/** The reconciliation as the lines printed at the end of a run. */
export function formatReconciliation(result: Reconciliation): string {
  const mark = (ok: boolean) => (ok ? 'ok ' : 'NO ');
  const lines = [
    '',
    `Reconciliation after ${result.durationSeconds.toFixed(1)} s`,
    `  ${mark(result.lost === 0)} readings sent ${result.sent} = stored ${result.stored} + quarantined ${result.quarantined}${result.lost > 0 ? `  (lost ${result.lost})` : ''}`,
    ...Object.entries(result.quarantineByReason).map(([reason, n]) => `        quarantined by ${reason}: ${n}`),
    `  ${mark(result.eventsConsumed >= result.eventsPublished)} events published ${result.eventsPublished} = events consumed ${result.eventsConsumed}  (ride events accepted over HTTP: ${result.rideEventsAccepted})`,
    `  ${mark(result.readModel.matches)} read model of ${result.readModel.unicorns} unicorn(s) matches what was sent`,
    ...result.readModel.mismatches.map((m) => `        ${m}`),
    `  ${mark(result.onFailure === 0)} on-failure destinations and dead-letter queues: ${result.onFailure}`,
    `      latency put -> stored: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms (${result.latencyMs.samples} readings)`,
    result.ok ? 'Nothing lost.' : `PROBLEMS: ${result.problems.join('; ')}`,
  ];
  return lines.join('\n');
}
