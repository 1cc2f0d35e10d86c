import { describe, expect, it } from 'vitest';
import { ProgressThrottle } from '../../src/progress-throttle.js';
import { progressLine, summaryLines } from '../../src/report.js';
import { ARRIVED_DURING_RUN, countInto, failureCode, newTally, total } from '../../src/tally.js';

const context = { functionName: 'kinesis-republisher', where: 'bucket quarantine-1', keptIn: 'the quarantine', dryRun: false, keep: false, limit: undefined };

describe('failureCode', () => {
  it.each([
    ['ResourceNotFoundException: Stream s under account 1 not found.', 'ResourceNotFoundException'],
    ['DeadlineReached: not attempted', 'DeadlineReached'],
    ['NoColonHere', 'NoColonHere'],
    [': nothing before', 'Unknown'],
  ])('takes the code of %j', (reason, code) => {
    // Act / Assess
    expect(failureCode(reason)).toBe(code);
  });
});

describe('summaryLines', () => {
  it('shows every count, with skips and failures grouped by why', () => {
    // Prepare
    const tally = newTally();
    Object.assign(tally, { listed: 9, settled: 9, filteredOut: 2, redriven: 3, deleted: 3 });
    countInto(tally.skipped, 'INVALID_BASE64');
    countInto(tally.failed, 'ResourceNotFoundException');
    countInto(tally.failed, 'BlockedByEarlierFailure');
    countInto(tally.failed, 'ResourceNotFoundException');

    // Act
    const lines = summaryLines(tally, context);

    // Assess
    expect(lines).toEqual([
      'Summary for kinesis-republisher in bucket quarantine-1:',
      '  listed             9',
      '  filtered out       2  (--since, --reason)',
      '  re-driven          3',
      '  skipped            1  (INVALID_BASE64: 1)',
      '  failed             3  (BlockedByEarlierFailure: 1, ResourceNotFoundException: 2)',
      '  deleted            3',
      'Failed records stay in the quarantine; fix the cause and run the command again.',
      '1 kept: they cannot be re-driven as they are (see the skipped lines above)',
    ]);
    expect(total(tally.failed)).toBe(3);
  });

  it('says what a dry run would do, and what --limit left', () => {
    // Prepare
    const tally = newTally();
    Object.assign(tally, { listed: 5, settled: 2, redriven: 2, notReached: 3 });

    // Act
    const lines = summaryLines(tally, { ...context, dryRun: true, limit: 2 });

    // Assess
    expect(lines[0]).toBe('Summary for kinesis-republisher in bucket quarantine-1 (dry run: nothing was changed):');
    expect(lines).toContain('  would re-drive     2');
    expect(lines).toContain('  deleted            0  (dry run)');
    expect(lines).toContain('  not reached        3  (--limit 2: run again for the rest)');
  });

  it('ends with how many items were kept because they cannot be re-driven as they are, though they fail nothing (exit 0)', () => {
    // Prepare
    const tally = newTally();
    Object.assign(tally, { listed: 6, settled: 6, redriven: 1, deleted: 1 });
    for (const code of ['NO_PAYLOAD', 'NOT_AN_EVENT', 'UNRECOGNISED_KEY', 'INVALID_BASE64', 'OBJECT_GONE']) countInto(tally.skipped, code);

    // Act
    const lines = summaryLines(tally, context);

    // Assess
    expect(lines.at(-1)).toBe('4 kept: they cannot be re-driven as they are (see the skipped lines above)');
    expect(total(tally.failed)).toBe(0);
  });

  it('has no kept line when nothing skipped stays stuck: an object gone since the listing, a message that arrived during the run', () => {
    // Prepare
    const tally = newTally();
    Object.assign(tally, { listed: 3, settled: 3 });
    countInto(tally.skipped, 'OBJECT_GONE');
    countInto(tally.skipped, ARRIVED_DURING_RUN);
    countInto(tally.skipped, ARRIVED_DURING_RUN);

    // Act
    const lines = summaryLines(tally, { ...context, where: 'queue q', keptIn: 'the queue', filteredBy: '(--since)' });

    // Assess
    expect(lines.some((line) => line.includes('kept:'))).toBe(false);
    expect(lines).toContain('  filtered out       0  (--since)');
    expect(lines.at(-1)).toBe('2 arrived during this run and wait for the next one; if they are events this run put back, they failed again: fix the cause first.');
  });

  it('notes --keep', () => {
    // Act / Assess
    expect(summaryLines(newTally(), { ...context, keep: true })).toContain('  deleted            0  (--keep: what was re-driven was kept)');
  });
});

describe('progressLine', () => {
  it('counts what was examined out of what was listed', () => {
    // Prepare
    const tally = newTally();
    Object.assign(tally, { listed: 10, settled: 4, redriven: 3, deleted: 2 });
    countInto(tally.skipped, 'INVALID_BASE64');

    // Act / Assess
    expect(progressLine(tally, false)).toBe('progress: 4/10 examined, 3 re-driven, 1 skipped, 0 failed, 2 deleted');
    expect(progressLine(tally, true)).toContain('3 would be re-driven');
  });
});

describe('ProgressThrottle', () => {
  it('is due every N records or every interval, whichever comes first', () => {
    // Prepare
    let nowMs = 0;
    const throttle = new ProgressThrottle({ everyRecords: 3, everyMs: 1_000 }, () => nowMs);

    // Act
    const dueAt = [1, 2, 3, 4, 5].map((count) => throttle.due(count));
    nowMs = 999;
    const beforeInterval = throttle.due(6);
    nowMs = 1_000;
    const atInterval = throttle.due(6);

    // Assess
    expect(dueAt).toEqual([false, false, true, false, false]);
    expect(beforeInterval).toBe(true); // 6 - 3 >= 3 records
    expect(atInterval).toBe(false); // just shown, no time has passed since
    nowMs = 2_000;
    expect(throttle.due(6)).toBe(true);
  });
});
