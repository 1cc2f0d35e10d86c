import type { FunctionStatus } from '../runtime/wire-functions.js';

/** The simulator's side of the live view. */
export interface SimulatorStatus {
  readonly readingsSent: number;
  readonly malformedSent: number;
  readonly rideEventsPosted: number;
  readonly rideEventsAccepted: number;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const lag = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/**
 * The live view: one row per function with records in, records out, failures, quarantined,
 * retries and lag behind its source, under a line about the simulator.
 */
export function renderLiveView(options: {
  elapsedSeconds: number;
  durationSeconds: number | undefined;
  simulator: SimulatorStatus;
  functions: readonly FunctionStatus[];
  quarantinedBy: Readonly<Record<string, number>>;
  producerUrl: string | undefined;
  draining: boolean;
}): string {
  const { simulator } = options;
  const clock = options.durationSeconds ? `${options.elapsedSeconds.toFixed(0)}/${options.durationSeconds} s` : `${options.elapsedSeconds.toFixed(0)} s`;
  const header = `${pad('function', 22)} ${pad('in', 8)} ${pad('out', 8)} ${pad('failures', 9)} ${pad('quarantined', 12)} ${pad('retries', 8)} ${pad('on-failure', 11)} ${pad('lag', 9)}`;
  const rows = options.functions.map(
    (fn) =>
      `${pad(fn.name, 22)} ${pad(fn.recordsIn, 8)} ${pad(fn.recordsOut, 8)} ${pad(fn.failures, 9)} ${pad(options.quarantinedBy[fn.name] ?? 0, 12)} ${pad(fn.retries, 8)} ${pad(fn.onFailure, 11)} ${pad(lag(fn.lagMs), 9)}`,
  );
  return [
    `Wild Rydes local pipeline  ${clock}${options.draining ? '  (draining: simulator stopped, waiting for every function to catch up)' : '  (Ctrl-C to stop and reconcile)'}`,
    `simulator: ${simulator.readingsSent} readings sent (${simulator.malformedSent} malformed), ${simulator.rideEventsPosted} ride events posted, ${simulator.rideEventsAccepted} accepted`,
    ...(options.producerUrl ? [`producer endpoint: POST ${options.producerUrl}/events`] : []),
    '',
    header,
    ...rows,
  ].join('\n');
}
