import type { FunctionStatus } from '../runtime/wire-functions.js';
import { compactCount, compactDuration, fit } from './compact-format.js';

/** The simulator's side of the live view. */
export interface SimulatorStatus {
  readonly readingsSent: number;
  readonly malformedSent: number;
  readonly rideEventsPosted: number;
  readonly rideEventsAccepted: number;
}

/** Where the run is: sending (for at most `durationSeconds`), or draining after it stopped sending. */
export type RunClock =
  | { readonly phase: 'running'; readonly elapsedSeconds: number; readonly durationSeconds: number | undefined }
  | { readonly phase: 'draining'; readonly ranSeconds: number; readonly drainingSeconds: number };

/** What the live view shows. */
export interface LiveViewInput {
  readonly clock: RunClock;
  readonly simulator: SimulatorStatus;
  readonly functions: readonly FunctionStatus[];
  /** Records in the quarantine now, by the function that quarantined them. */
  readonly quarantinedBy: Readonly<Record<string, number>>;
  readonly producerUrl: string | undefined;
  /** What reached the on-failure destinations (objects and messages, and the records and events in them), and what was re-driven. */
  readonly onFailure?: { readonly reached: number; readonly records: number; readonly redriven: number };
  /** With `--faults`: the profile, requests affected so far per service, and the outage in progress. */
  readonly faults?: { readonly profile: string; readonly byService: Readonly<Record<string, number>>; readonly outage?: string };
}

/**
 * The widest line the view may draw. A terminal 80 columns wide wraps (or, in some, moves the
 * cursor) when the 80th column is written, which would break redrawing the view in place.
 */
export const LIVE_VIEW_MAX_COLUMNS = 79;

// One column per number, right-aligned; together with single spaces they fill 79 columns.
const NAME_WIDTH = 20;
const COLUMNS = [
  ['in', 6],
  ['out', 6],
  ['errors', 6],
  ['quarantined', 11],
  ['retries', 7],
  ['on-failure', 10],
  ['lag', 6],
] as const;

/**
 * The live view of `npm start`: a clock, the simulator, the producer's endpoint, then one row
 * per function with records in, records out, errors, quarantined, retries, on-failure and lag
 * behind its source. Every line fits {@link LIVE_VIEW_MAX_COLUMNS}: large counts are shortened
 * (`123k`, `4.5M`), long function names cut with `…`. The elapsed time never passes the
 * duration: once the simulator stops, the clock says how long it ran and how long the drain
 * has taken.
 *
 * @example
 * ```ts
 * renderLiveView({
 *   clock: { phase: 'running', elapsedSeconds: 12.4, durationSeconds: 30 },
 *   simulator: { readingsSent: 600, malformedSent: 30, rideEventsPosted: 20, rideEventsAccepted: 18 },
 *   functions: [],
 *   quarantinedBy: {},
 *   producerUrl: 'http://127.0.0.1:4000',
 * }).split('\n')[0];
 * // 'Wild Rydes local pipeline  12/30 s  (Ctrl-C: stop, drain and reconcile)'
 * ```
 */
export function renderLiveView(input: LiveViewInput): string {
  const { simulator } = input;
  const header = [fit('function', NAME_WIDTH).padEnd(NAME_WIDTH), ...COLUMNS.map(([title, width]) => title.padStart(width))].join(' ');
  const rows = input.functions.map((fn) => {
    const values = [fn.recordsIn, fn.recordsOut, fn.failures, input.quarantinedBy[fn.name] ?? 0, fn.retries, fn.onFailure].map(compactCount);
    const cells = [...values, compactDuration(fn.lagMs)];
    return [fit(fn.name, NAME_WIDTH).padEnd(NAME_WIDTH), ...cells.map((cell, index) => cell.padStart(COLUMNS[index]?.[1] ?? 0))].join(' ');
  });
  return [
    `Wild Rydes local pipeline  ${clockText(input.clock)}`,
    `simulator  readings ${compactCount(simulator.readingsSent)} (${compactCount(simulator.malformedSent)} malformed)  ` +
      `ride events ${compactCount(simulator.rideEventsPosted)} (${compactCount(simulator.rideEventsAccepted)} accepted)`,
    ...(input.producerUrl ? [`producer endpoint: POST ${input.producerUrl}/events`] : []),
    ...(input.faults ? [faultsLine(input.faults)] : []),
    ...(input.onFailure && (input.onFailure.reached > 0 || input.faults) ? [onFailureLine(input.onFailure)] : []),
    '',
    header,
    ...rows,
  ].join('\n');
}

/** `faults heavy: kinesis 12 dynamodb 40 …  OUTAGE dynamodb`, cut to the view's width. */
function faultsLine(faults: NonNullable<LiveViewInput['faults']>): string {
  const services = Object.entries(faults.byService).map(([service, n]) => `${service} ${compactCount(n)}`);
  return fit(`faults ${faults.profile}: ${services.join(' ')}${faults.outage ? ` OUTAGE ${faults.outage}` : ''}`, LIVE_VIEW_MAX_COLUMNS);
}

/** `on-failure destinations: 12 (263 records/events), re-driven 12`. */
function onFailureLine(onFailure: NonNullable<LiveViewInput['onFailure']>): string {
  return fit(
    `on-failure destinations: ${compactCount(onFailure.reached)} (${compactCount(onFailure.records)} records/events), re-driven ${compactCount(onFailure.redriven)}`,
    LIVE_VIEW_MAX_COLUMNS,
  );
}

function clockText(clock: RunClock): string {
  const seconds = (value: number) => String(Math.floor(Math.max(0, value)));
  if (clock.phase === 'draining') {
    return `ran ${seconds(clock.ranSeconds)} s, draining ${seconds(clock.drainingSeconds)} s  (Ctrl-C: quit now)`;
  }
  const { durationSeconds } = clock;
  const elapsed = durationSeconds === undefined ? clock.elapsedSeconds : Math.min(clock.elapsedSeconds, durationSeconds);
  return `${seconds(elapsed)}${durationSeconds === undefined ? '' : `/${durationSeconds}`} s  (Ctrl-C: stop, drain and reconcile)`;
}
