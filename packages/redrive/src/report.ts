import { ARRIVED_DURING_RUN, keptAsTheyAre, total, type RedriveTally } from './tally.js';

/** What the summary needs to know about the run besides its counts. */
export interface SummaryContext {
  readonly functionName: string;
  /** Where the source is, as in `Summary for <function> in <where>`, e.g. `bucket wildrydes-quarantine`. */
  readonly where: string;
  /** What failed items stay in, e.g. `the quarantine`. */
  readonly keptIn: string;
  readonly dryRun: boolean;
  readonly keep: boolean;
  readonly limit: number | undefined;
  /** What filters out, for the note of that row. @default '(--since, --reason)' */
  readonly filteredBy?: string;
}

/**
 * One progress line.
 *
 * @example
 * ```ts
 * progressLine(tally, false);
 * // 'progress: 300/1000 examined, 296 re-driven, 4 skipped, 0 failed, 296 deleted'
 * ```
 */
export function progressLine(tally: RedriveTally, dryRun: boolean): string {
  const redriven = dryRun ? `${tally.redriven} would be re-driven` : `${tally.redriven} re-driven`;
  return `progress: ${tally.settled}/${tally.listed} examined, ${redriven}, ${total(tally.skipped)} skipped, ${total(tally.failed)} failed, ${tally.deleted} deleted`;
}

/**
 * The summary at the end: listed, filtered out, re-driven, skipped (why), failed (why),
 * deleted, not reached; then what to do about what is left: failed items (exit status 1),
 * messages that arrived during the run, and, last, the items kept because they cannot be
 * re-driven as they are (not failures: the exit status stays 0, so this line is the signal).
 *
 * @example
 * ```ts
 * for (const line of summaryLines(tally, context)) console.log(line);
 * // Summary for kinesis-republisher in bucket wildrydes-quarantine:   (context.where: 'bucket wildrydes-quarantine')
 * //   listed        4
 * //   re-driven     3
 * //   skipped       1  (INVALID_BASE64: 1)
 * //   failed        0
 * //   deleted       3
 * // 1 kept: they cannot be re-driven as they are (see the skipped lines above)
 * ```
 */
export function summaryLines(tally: RedriveTally, context: SummaryContext): string[] {
  const row = (label: string, count: number, note = ''): string => `  ${label.padEnd(14)}${String(count).padStart(6)}${note === '' ? '' : `  ${note}`}`;
  const lines = [
    `Summary for ${context.functionName} in ${context.where}${context.dryRun ? ' (dry run: nothing was changed)' : ''}:`,
    row('listed', tally.listed),
    row('filtered out', tally.filteredOut, context.filteredBy ?? '(--since, --reason)'),
    row(context.dryRun ? 'would re-drive' : 're-driven', tally.redriven),
    row('skipped', total(tally.skipped), byCode(tally.skipped)),
    row('failed', total(tally.failed), byCode(tally.failed)),
    row('deleted', tally.deleted, deletedNote(tally, context)),
  ];
  if (tally.notReached > 0) lines.push(row('not reached', tally.notReached, `(--limit ${String(context.limit)}: run again for the rest)`));
  if (total(tally.failed) > 0) lines.push(`Failed records stay in ${context.keptIn}; fix the cause and run the command again.`);
  const arrived = tally.skipped.get(ARRIVED_DURING_RUN) ?? 0;
  if (arrived > 0) {
    lines.push(`${arrived} arrived during this run and wait for the next one; if they are events this run put back, they failed again: fix the cause first.`);
  }
  const kept = keptAsTheyAre(tally);
  if (kept > 0) lines.push(`${kept} kept: they cannot be re-driven as they are (see the skipped lines above)`);
  return lines;
}

function byCode(counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return '';
  const parts = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, count]) => `${code}: ${count}`);
  return `(${parts.join(', ')})`;
}

function deletedNote(tally: RedriveTally, context: SummaryContext): string {
  if (context.dryRun) return '(dry run)';
  if (context.keep) return '(--keep: what was re-driven was kept)';
  return '';
}
