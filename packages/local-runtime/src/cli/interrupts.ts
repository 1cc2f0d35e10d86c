/** What a Ctrl-C asks for, by how many came before it. */
export type InterruptAction = 'drain' | 'stop-now' | 'quit';

/**
 * How far apart two SIGINTs may be and still be one Ctrl-C, under npm. `npm start` receives each
 * Ctrl-C twice: the terminal signals its whole foreground process group (npm and this process),
 * and npm forwards the SIGINT it got to the script it runs (`@npmcli/run-script`,
 * signal-manager.js). Measured here (npm 11.19, Node 20.20, 2 cores, SIGINT sent to the process
 * group of `npm start` 100 times): the forwarded copy came a median 0.5 ms and at most 9 ms after
 * the terminal's on an idle machine, at most 12 ms with three CPU-bound processes competing for the
 * cores, and in about half the runs the two merged into one signal. 100 ms leaves a wide margin over
 * that and stays under the ~150 ms a person needs to press Ctrl-C twice.
 */
export const NPM_FORWARDED_COPY_WITHIN_MS = 100;

/**
 * The window in which a SIGINT is a copy of the previous one: {@link NPM_FORWARDED_COPY_WITHIN_MS}
 * under npm (which sets `npm_lifecycle_event` for the scripts it runs), 0 otherwise, where every
 * SIGINT is a Ctrl-C of its own (a quick ^C^C then stops at once, as it should).
 *
 * @example
 * ```ts
 * sameCtrlCWithinMs({ npm_lifecycle_event: 'start' }); // 100
 * sameCtrlCWithinMs({}); // 0
 * ```
 */
export function sameCtrlCWithinMs(env: NodeJS.ProcessEnv): number {
  return env['npm_lifecycle_event'] ? NPM_FORWARDED_COPY_WITHIN_MS : 0;
}

/** Options of {@link CtrlC}. */
export interface CtrlCOptions {
  /** Called with the action of each Ctrl-C, once no copy of its SIGINT can come any more. */
  onAction(action: InterruptAction): void;
  /**
   * SIGINTs less than this far after a Ctrl-C are copies of it; 0 acts on every SIGINT at once.
   * See {@link sameCtrlCWithinMs}.
   */
  readonly sameWithinMs: number;
}

/**
 * Turns SIGINTs into `npm start`'s Ctrl-C actions: the first drains and reconciles, the next
 * stops the emulators at once (removing their temporary folders), one more quits on the spot.
 * When the run starts draining on its own (after `--duration`), the next Ctrl-C stops at once.
 *
 * With a window (`sameWithinMs` > 0, under npm), a Ctrl-C is acted on when its window closes and
 * the SIGINTs within the window count with it: so whatever an action prints comes after the window,
 * and a Ctrl-C pressed after that output is always a new one.
 *
 * @example
 * ```ts
 * const ctrlC = new CtrlC({
 *   sameWithinMs: sameCtrlCWithinMs(process.env),
 *   onAction: (action) => {
 *     if (action === 'drain') drain.abort();
 *     else if (action === 'stop-now') stopNow.abort();
 *     else process.exit(130);
 *   },
 * });
 * process.on('SIGINT', () => ctrlC.press());
 * ```
 */
export class CtrlC {
  private next: InterruptAction = 'drain';
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: CtrlCOptions) {}

  /** A SIGINT arrived: a new Ctrl-C, or a copy of the one whose window is still open. */
  press(): void {
    if (this.pending !== undefined) return;
    const action = this.next;
    this.next = action === 'drain' ? 'stop-now' : 'quit';
    if (this.options.sameWithinMs <= 0) {
      this.options.onAction(action);
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.options.onAction(action);
    }, this.options.sameWithinMs);
  }

  /** The run drains without having been asked (its duration is over): a Ctrl-C now stops at once. */
  drainingStarted(): void {
    if (this.next === 'drain') this.next = 'stop-now';
  }
}
