import { percentile } from './percentile.js';

/** What the run observed, gathered after draining. */
export interface RunObservations {
  /** Valid readings accepted by the raw stream, by table key. */
  readonly sentValid: ReadonlySet<string>;
  /** Malformed readings accepted by the raw stream. */
  readonly sentMalformed: number;
  /** Keys present in UnicornSensorData. */
  readonly storedKeys: ReadonlySet<string>;
  /**
   * Quarantined records, by the function that quarantined them, the reason, and where they came
   * from: readings from the Kinesis streams, or table changes (`dynamodb-stream`) whose events
   * the reactor could never publish. Without `origin`, a record counts as a reading.
   */
  readonly quarantined: ReadonlyArray<{ readonly quarantinedBy: string; readonly reason: string; readonly origin?: 'kinesis' | 'dynamodb-stream' }>;
  /** Events the bus accepted that the consumer's rule selects. */
  readonly eventsPublished: number;
  /** Of those, events the consumer handled successfully. */
  readonly eventsConsumed: number;
  /** Every event the bus accepted, by detail-type. */
  readonly eventsByType: Readonly<Record<string, number>>;
  /** Stored readings below the health threshold that have no UnicornHealthLow event on the bus. */
  readonly lowReadingsWithoutAlert: number;
  /** Readings the simulator could not put on the raw stream (never sent, so never lost). */
  readonly simulatorPutFailures: number;
  /** Differences between the read model and what was sent; empty when it matches. */
  readonly readModelMismatches: readonly string[];
  readonly readModelUnicorns: number;
  /** What reached the on-failure destinations and dead-letter queues, and what became of it. */
  readonly onFailure: OnFailureOutcome;
  /** Faults injected with `--faults`, per service and kind; absent without faults. */
  readonly faults?: FaultReport;
  /** Put-to-stored latencies of valid readings, ms. */
  readonly latenciesMs: readonly number[];
  readonly rideEventsAccepted: number;
  readonly durationSeconds: number;
}

/**
 * What the on-failure destinations (the failure bucket, the dead-letter and on-failure queues)
 * received during a run, and what became of it.
 */
export interface OnFailureOutcome {
  /** Objects (one per given-up batch) and messages (one per event) delivered to an on-failure destination or dead-letter queue. */
  readonly reached: number;
  /** The records and events in them. */
  readonly records: number;
  /** Objects and messages re-driven (their records put back onto their stream, re-delivered to their function, or their event put back on the bus) by the run. */
  readonly redriven: number;
  /** Objects and messages still in the destinations after the run (and its re-drive, if any). */
  readonly remaining: number;
  /** Records and events that could not even be delivered to a destination: lost. */
  readonly deliveryFailures: number;
  /** Whether the run was expected to reach on-failure destinations (`--faults`) and re-drove them. */
  readonly expected: boolean;
}

/** Injected faults: service -> kind -> requests affected. */
export type FaultReport = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The reconciliation printed at the end of `npm start` and written by `--summary`. */
export interface Reconciliation {
  readonly ok: boolean;
  readonly sent: number;
  readonly stored: number;
  readonly quarantined: number;
  /** Table changes the reactor quarantined: their events are not on the bus (not counted as readings). */
  readonly changesQuarantined: number;
  readonly lost: number;
  readonly missingValid: number;
  readonly eventsPublished: number;
  readonly eventsConsumed: number;
  readonly eventsByType: Readonly<Record<string, number>>;
  readonly lowReadingsWithoutAlert: number;
  readonly rideEventsAccepted: number;
  readonly simulatorPutFailures: number;
  readonly onFailure: OnFailureOutcome;
  /** Faults injected with `--faults`, per service and kind (absent without faults). */
  readonly faults?: FaultReport;
  readonly readModel: { readonly unicorns: number; readonly matches: boolean; readonly mismatches: readonly string[] };
  readonly quarantineByReason: Readonly<Record<string, number>>;
  /** `null` when no reading was stored. */
  readonly latencyMs: { readonly p50: number | null; readonly p99: number | null; readonly max: number | null; readonly samples: number };
  readonly durationSeconds: number;
  readonly problems: readonly string[];
}

/**
 * Checks that nothing was lost: every reading sent was stored or quarantined (sent = stored +
 * quarantined), every valid reading was stored, every event the consumer owns was consumed, no
 * table change had its events quarantined, no record or event ended in an on-failure
 * destination, and the read model matches what was sent (rides, distance, and each unicorn's
 * health as its latest stored reading says it, recoveries included).
 */
export function reconcile(observed: RunObservations): Reconciliation {
  const sent = observed.sentValid.size + observed.sentMalformed;
  const stored = [...observed.sentValid].filter((key) => observed.storedKeys.has(key)).length;
  const quarantined = observed.quarantined.filter(({ origin }) => origin !== 'dynamodb-stream').length;
  const changesQuarantined = observed.quarantined.length - quarantined;
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
  if (changesQuarantined > 0) problems.push(`${changesQuarantined} table change(s) quarantined: their events are not on the bus`);
  if (observed.lowReadingsWithoutAlert > 0) problems.push(`${observed.lowReadingsWithoutAlert} low reading(s) stored without a UnicornHealthLow event`);
  const { onFailure } = observed;
  if (onFailure.deliveryFailures > 0) problems.push(`${onFailure.deliveryFailures} record(s) or event(s) could not be delivered to an on-failure destination`);
  if (onFailure.remaining > 0) problems.push(`${onFailure.remaining} object(s) or message(s) left in on-failure destinations`);
  else if (!onFailure.expected && onFailure.reached > 0) problems.push(`${onFailure.reached} record(s) or event(s) reached an on-failure destination`);
  if (observed.readModelMismatches.length > 0) problems.push(`read model differs: ${observed.readModelMismatches.length} mismatch(es)`);
  return {
    ok: problems.length === 0,
    sent,
    stored,
    quarantined,
    changesQuarantined,
    lost,
    missingValid,
    eventsPublished: observed.eventsPublished,
    eventsConsumed: observed.eventsConsumed,
    eventsByType: observed.eventsByType,
    lowReadingsWithoutAlert: observed.lowReadingsWithoutAlert,
    rideEventsAccepted: observed.rideEventsAccepted,
    simulatorPutFailures: observed.simulatorPutFailures,
    onFailure,
    ...(observed.faults ? { faults: observed.faults } : {}),
    readModel: {
      unicorns: observed.readModelUnicorns,
      matches: observed.readModelMismatches.length === 0,
      mismatches: observed.readModelMismatches.slice(0, 20),
    },
    quarantineByReason,
    latencyMs: {
      p50: rounded(percentile(observed.latenciesMs, 50)),
      p99: rounded(percentile(observed.latenciesMs, 99)),
      max: rounded(percentile(observed.latenciesMs, 100)),
      samples: observed.latenciesMs.length,
    },
    durationSeconds: observed.durationSeconds,
    problems,
  };
}

/** The on-failure line: what reached the destinations, what the run re-drove, what is left. */
function onFailureLines(result: Reconciliation): string[] {
  const { onFailure } = result;
  const ok = onFailure.deliveryFailures === 0 && onFailure.remaining === 0 && (onFailure.expected || onFailure.reached === 0);
  const detail = onFailure.expected
    ? `reached ${onFailure.reached} (${onFailure.records} records/events), re-driven ${onFailure.redriven}, left ${onFailure.remaining}`
    : `${onFailure.reached}${onFailure.remaining !== onFailure.reached ? `, left ${onFailure.remaining}` : ''}`;
  return [
    `  ${ok ? 'ok ' : 'NO '} on-failure destinations and dead-letter queues: ${detail}`,
    ...(onFailure.deliveryFailures > 0 ? [`        could not be delivered there (lost): ${onFailure.deliveryFailures}`] : []),
  ];
}

/** The faults injected, per service (absent without `--faults`). */
function faultLines(faults: FaultReport | undefined): string[] {
  if (!faults) return [];
  return [
    '      faults injected (requests affected):',
    ...Object.entries(faults).flatMap(([service, kinds]) => {
      const injected = Object.entries(kinds).filter(([, n]) => n > 0);
      return wrapped(`        ${service}: `, injected.length === 0 ? ['none'] : injected.map(([kind, n]) => `${kind} ${n}`), ', ');
    }),
  ];
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value));

/** Terminal width the reconciliation keeps within, like the live view. */
const MAX_LINE_CHARS = 80;

/**
 * `pieces` after `prefix`, joined by `separator` and wrapped within {@link MAX_LINE_CHARS} (a
 * single piece longer than that stays whole), later lines indented two more than the prefix.
 */
function wrapped(prefix: string, pieces: readonly string[], separator: ', ' | ' '): string[] {
  const indent = ' '.repeat(prefix.length - prefix.trimStart().length + 2);
  const glue = separator.trimEnd();
  const lines: string[] = [];
  let line = '';
  pieces.forEach((piece, index) => {
    const text = index < pieces.length - 1 ? `${piece}${glue}` : piece;
    const start = lines.length === 0 ? prefix : indent;
    if (line === '') line = `${start}${text}`;
    else if (line.length + 1 + text.length <= MAX_LINE_CHARS) line = `${line} ${text}`;
    else {
      lines.push(line);
      line = `${indent}${text}`;
    }
  });
  lines.push(line === '' ? prefix.trimEnd() : line);
  return lines;
}

/**
 * The reconciliation as the lines printed at the end of a run, each within 80 columns (a
 * read-model mismatch or a problem can be longer: they are wrapped at commas and spaces too).
 *
 * @example
 * ```ts
 * console.log(formatReconciliation(reconcile(observations)));
 * ```
 */
export function formatReconciliation(result: Reconciliation): string {
  const mark = (ok: boolean) => (ok ? 'ok ' : 'NO ');
  const words = (prefix: string, text: string) => wrapped(prefix, text.split(' '), ' ');
  const busTypes = Object.entries(result.eventsByType).map(([type, n]) => `${type} ${n}`);
  const latency = result.latencyMs;
  const lines = [
    '',
    `Reconciliation after ${result.durationSeconds.toFixed(1)} s`,
    `  ${mark(result.lost === 0)} readings sent ${result.sent} = stored ${result.stored} + quarantined ${result.quarantined}${result.lost > 0 ? `  (lost ${result.lost})` : ''}`,
    ...Object.entries(result.quarantineByReason).map(([reason, n]) => `        quarantined by ${reason}: ${n}`),
    `  ${mark(result.eventsConsumed >= result.eventsPublished)} events for the consumer: published ${result.eventsPublished} = consumed ${result.eventsConsumed}`,
    `        ride events accepted over HTTP: ${result.rideEventsAccepted}`,
    ...wrapped('        on the bus: ', busTypes.length > 0 ? busTypes : ['nothing'], ', '),
    `  ${mark(result.lowReadingsWithoutAlert === 0)} every stored low reading raised UnicornHealthLow${result.lowReadingsWithoutAlert > 0 ? ` (missing: ${result.lowReadingsWithoutAlert})` : ''}`,
    ...(result.changesQuarantined > 0 ? [`  NO  table changes with quarantined events: ${result.changesQuarantined}`] : []),
    `  ${mark(result.readModel.matches)} read model of ${result.readModel.unicorns} unicorn(s) matches what was sent`,
    ...result.readModel.mismatches.flatMap((m) => words('        ', m)),
    ...onFailureLines(result),
    ...faultLines(result.faults),
    ...(latency.samples > 0
      ? [`      latency put -> stored (${latency.samples} readings):`, `        p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms`]
      : ['      latency put -> stored: no reading was stored']),
    ...(result.simulatorPutFailures > 0 ? [`      the simulator could not put ${result.simulatorPutFailures} reading(s) (never sent, not counted)`] : []),
    ...(result.ok ? ['Nothing lost.'] : ['PROBLEMS:', ...result.problems.flatMap((problem) => words('  - ', problem))]),
  ];
  return lines.join('\n');
}
