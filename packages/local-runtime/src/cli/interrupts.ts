/** What a Ctrl-C asks for, by how many came before it. */
export type InterruptAction = 'drain' | 'stop-now' | 'quit';

/**
 * How far apart two SIGINTs must be to be two Ctrl-C. `npm start` receives each Ctrl-C twice:
 * the terminal signals its whole foreground process group (npm and this process), and npm
 * forwards the SIGINT it got to the script it runs (`@npmcli/run-script`, signal-manager.js).
 * The copies arrive within milliseconds; a person pressing again takes far longer.
 */
export const SAME_CTRL_C_WITHIN_MS = 750;

/**
 * Turns SIGINTs into `npm start`'s Ctrl-C actions: the first drains and reconciles, the next
 * stops the emulators at once (removing their temporary folders), one more quits on the spot.
 * Copies of one Ctrl-C (see {@link SAME_CTRL_C_WITHIN_MS}) count once. When the run starts
 * draining on its own (after `--duration`), the next Ctrl-C stops at once.
 *
 * @example
 * ```ts
 * const ctrlC = new CtrlC();
 * process.on('SIGINT', () => {
 *   const action = ctrlC.press();
 *   if (action === 'drain') drain.abort();
 *   else if (action === 'stop-now') stopNow.abort();
 *   else if (action === 'quit') process.exit(130);
 * });
 * ```
 */
export class CtrlC {
  private next: InterruptAction = 'drain';
  private lastPressMs: number | undefined;

  constructor(private readonly options: { now?: () => number; sameWithinMs?: number } = {}) {}

  /** The action for a SIGINT received now; `undefined` when it is a copy of the last Ctrl-C. */
  press(): InterruptAction | undefined {
    const now = (this.options.now ?? Date.now)();
    if (this.lastPressMs !== undefined && now - this.lastPressMs < (this.options.sameWithinMs ?? SAME_CTRL_C_WITHIN_MS)) return undefined;
    this.lastPressMs = now;
    const action = this.next;
    this.next = action === 'drain' ? 'stop-now' : 'quit';
    return action;
  }

  /** The run drains without having been asked (its duration is over): a Ctrl-C now stops at once. */
  drainingStarted(): void {
    if (this.next === 'drain') this.next = 'stop-now';
  }
}
