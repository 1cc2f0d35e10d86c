import { ProgressThrottle, type ProgressSettings } from './progress-throttle.js';
import { progressLine } from './report.js';
import { countInto, failureCode, newTally, type RedriveTally } from './tally.js';

/**
 * Keeps one source's tally as items settle, writes a line per skipped or failed item, and a
 * progress line when one is due. Shared by every source, so they all report alike.
 *
 * @example
 * ```ts
 * const recorder = new TallyRecorder({ write, dryRun: false, progress: { everyRecords: 100, everyMs: 1_000 } });
 * recorder.skip(key, 'NO_PAYLOAD', 'the record holds no payload');
 * recorder.redriven();
 * recorder.tally; // { listed: 0, settled: 2, redriven: 1, skipped: Map { 'NO_PAYLOAD' => 1 }, ... }
 * ```
 */
export class TallyRecorder {
  public readonly tally: RedriveTally = newTally();
  readonly #write: (line: string) => void;
  readonly #dryRun: boolean;
  readonly #throttle: ProgressThrottle;

  public constructor(settings: { write: (line: string) => void; dryRun: boolean; progress: ProgressSettings; now?: () => number }) {
    this.#write = settings.write;
    this.#dryRun = settings.dryRun;
    this.#throttle = new ProgressThrottle(settings.progress, settings.now ?? Date.now);
  }

  /** One more item's fate is decided; shows progress when due. */
  public settled(): void {
    this.tally.settled++;
    if (this.#throttle.due(this.tally.settled)) this.#write(progressLine(this.tally, this.#dryRun));
  }

  public filtered(): void {
    this.tally.filteredOut++;
    this.settled();
  }

  /** Re-driven (or would be, in a dry run). */
  public redriven(): void {
    this.tally.redriven++;
    this.settled();
  }

  /** Never re-drivable as it is: kept, and reported. */
  public skip(id: string, code: string, detail: string): void {
    countInto(this.tally.skipped, code);
    this.#write(`skipped ${id}: ${code}: ${detail}`);
    this.settled();
  }

  /** Not re-driven now, may be on a later run: kept, reported, and the exit status is 1. */
  public fail(id: string, code: string, detail: string): void {
    countInto(this.tally.failed, code);
    this.#write(`failed ${id}: ${code === failureCode(detail) ? detail : `${code}: ${detail}`}`);
    this.settled();
  }

  /** Re-driven, but the object or message could not be deleted: a later run re-drives it again. */
  public deleteFailed(id: string, what: 'object' | 'message', reason: string): void {
    countInto(this.tally.failed, 'DeleteFailed');
    this.#write(`failed ${id}: DeleteFailed: re-driven, but the ${what} could not be deleted (${reason}); delete it by hand, or a later run re-drives it again`);
  }

  /** A note for the operator that changes no count. */
  public note(line: string): void {
    this.#write(line);
  }
}
