import { describe, expect, it } from 'vitest';
import { LIVE_VIEW_MAX_COLUMNS, renderLiveView, type LiveViewInput } from '../../src/report/live-view.js';
import type { FunctionStatus } from '../../src/runtime/wire-functions.js';

const fn = (name: string, values: Partial<FunctionStatus> = {}): FunctionStatus => ({
  name,
  trigger: 'kinesis telemetryRaw',
  recordsIn: 0,
  recordsOut: 0,
  failures: 0,
  retries: 0,
  onFailure: 0,
  lagMs: 0,
  ...values,
});

const base: LiveViewInput = {
  clock: { phase: 'running', elapsedSeconds: 12.4, durationSeconds: 30 },
  simulator: { readingsSent: 600, malformedSent: 30, rideEventsPosted: 20, rideEventsAccepted: 18 },
  functions: [
    fn('kinesis-republisher', { recordsIn: 600, recordsOut: 590, failures: 1, retries: 2, lagMs: 1_530 }),
    fn('eventbridge-consumer', { recordsIn: 9, recordsOut: 9, lagMs: 12 }),
  ],
  quarantinedBy: { 'kinesis-republisher': 30 },
  producerUrl: 'http://127.0.0.1:4000',
};

const words = (line: string | undefined) => line?.split(/\s+/).filter(Boolean);

describe('renderLiveView', () => {
  it('with --faults, shows the profile, the faults injected per service and an outage in progress, within the width', () => {
    const lines = renderLiveView({
      ...base,
      faults: { profile: 'heavy', byService: { kinesis: 12, dynamodb: 4_321, s3: 3, eventbridge: 7, sqs: 0 }, outage: 'dynamodb' },
    }).split('\n');
    expect(lines[3]).toBe('faults heavy: kinesis 12 dynamodb 4321 s3 3 eventbridge 7 sqs 0 OUTAGE dynamodb');
    expect(lines[3]?.length).toBeLessThanOrEqual(LIVE_VIEW_MAX_COLUMNS);
    expect(renderLiveView(base)).not.toContain('faults');
  });

  it('shows what reached the on-failure destinations and was re-driven, once anything did (or with --faults)', () => {
    const onFailure = { reached: 12, records: 263, redriven: 7 };
    expect(renderLiveView({ ...base, onFailure }).split('\n')[3]).toBe('on-failure destinations: 12 (263 records/events), re-driven 7');
    expect(renderLiveView({ ...base, onFailure: { reached: 0, records: 0, redriven: 0 } })).not.toContain('on-failure destinations');
    const chaos = { ...base, faults: { profile: 'light', byService: {} }, onFailure: { reached: 0, records: 0, redriven: 0 } };
    expect(renderLiveView(chaos).split('\n')[4]).toBe('on-failure destinations: 0 (0 records/events), re-driven 0');
  });

  it('shows per function: in, out, errors, quarantined, retries, on-failure and lag, under the simulator line', () => {
    // Act
    const lines = renderLiveView(base).split('\n');

    // Assess
    expect(lines[0]).toBe('Wild Rydes local pipeline  12/30 s  (Ctrl-C: stop, drain and reconcile)');
    expect(lines[1]).toBe('simulator  readings 600 (30 malformed)  ride events 20 (18 accepted)');
    expect(lines[2]).toBe('producer endpoint: POST http://127.0.0.1:4000/events');
    expect(words(lines[4])).toEqual(['function', 'in', 'out', 'errors', 'quarantined', 'retries', 'on-failure', 'lag']);
    expect(words(lines[5])).toEqual(['kinesis-republisher', '600', '590', '1', '30', '2', '0', '1.5', 's']);
    expect(words(lines[6])).toEqual(['eventbridge-consumer', '9', '9', '0', '0', '0', '0', '12', 'ms']);
  });

  it('fits an 80-column terminal without wrapping: every line at most 79 columns, whatever the values', () => {
    // Prepare: the largest values a run can reach, the longest names, both clocks.
    const huge = 10 ** 20;
    const extremes: LiveViewInput[] = [
      base,
      {
        clock: { phase: 'running', elapsedSeconds: 604_800, durationSeconds: 604_800 },
        simulator: { readingsSent: huge, malformedSent: huge, rideEventsPosted: huge, rideEventsAccepted: huge },
        functions: [
          fn('a-function-name-far-longer-than-any-column-would-hold', { recordsIn: huge, recordsOut: huge, failures: huge, retries: huge, onFailure: huge, lagMs: 10 ** 13 }),
          fn('eventbridge-producer', { recordsIn: 99_999, recordsOut: 123_456, failures: 9_999_999, lagMs: 99_999 }),
          fn('kinesis-ddb-writer', { lagMs: 999.99 }),
          fn('ddb-stream-reactor', { lagMs: 5_999_999 }),
        ],
        quarantinedBy: { 'a-function-name-far-longer-than-any-column-would-hold': huge },
        producerUrl: 'http://127.0.0.1:65535',
      },
      { ...base, clock: { phase: 'running', elapsedSeconds: 315_360_000, durationSeconds: undefined } },
      { ...base, clock: { phase: 'draining', ranSeconds: 315_360_000, drainingSeconds: 120 } },
    ];

    // Act
    const lines = extremes.flatMap((input) => renderLiveView(input).split('\n'));

    // Assess
    const tooWide = lines.filter((line) => line.length > LIVE_VIEW_MAX_COLUMNS);
    expect(tooWide).toEqual([]);
    expect(LIVE_VIEW_MAX_COLUMNS).toBeLessThan(80);
    expect(lines.join('\n')).not.toContain('\x1b');
  });

  it('keeps counts readable when they are large: exact below 100,000, then shortened', () => {
    // Act
    const lines = renderLiveView({ ...base, functions: [fn('kinesis-ddb-writer', { recordsIn: 99_999, recordsOut: 1_234_567, failures: 123_456, lagMs: 7_200_000 })] }).split('\n');

    // Assess
    expect(words(lines[5])).toEqual(['kinesis-ddb-writer', '99999', '1.2M', '123k', '0', '0', '0', '2', 'h']);
  });

  it('cuts a function name too long for its column with an ellipsis', () => {
    const lines = renderLiveView({ ...base, functions: [fn('a-function-name-far-longer-than-its-column')] }).split('\n');

    expect(lines[5]?.startsWith('a-function-name-far…')).toBe(true);
  });

  it('never shows more elapsed time than the duration (no 41/40 s), and counts whole seconds elapsed', () => {
    // Act
    const at = (elapsedSeconds: number) =>
      renderLiveView({ ...base, clock: { phase: 'running', elapsedSeconds, durationSeconds: 40 } }).split('\n')[0];

    // Assess
    expect(at(39.6)).toContain(' 39/40 s ');
    expect(at(40.2)).toContain(' 40/40 s ');
    expect(at(41.9)).toContain(' 40/40 s ');
  });

  it('while draining, says how long the simulator ran and how long draining has taken, and that Ctrl-C quits', () => {
    // Act
    const view = renderLiveView({ ...base, clock: { phase: 'draining', ranSeconds: 40.02, drainingSeconds: 3.7 }, producerUrl: undefined });

    // Assess
    expect(view.split('\n')[0]).toBe('Wild Rydes local pipeline  ran 40 s, draining 3 s  (Ctrl-C: quit now)');
    expect(view).not.toContain('producer endpoint');
  });
});
