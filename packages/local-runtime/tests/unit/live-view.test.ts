import { describe, expect, it } from 'vitest';
import { renderLiveView } from '../../src/report/live-view.js';

describe('renderLiveView', () => {
  it('shows per function: in, out, failures, quarantined, retries, on-failure and lag, under the simulator line', () => {
    const view = renderLiveView({
      elapsedSeconds: 12.4,
      durationSeconds: 30,
      simulator: { readingsSent: 600, malformedSent: 30, rideEventsPosted: 20, rideEventsAccepted: 18 },
      functions: [
        { name: 'kinesis-republisher', trigger: 'kinesis telemetryRaw', recordsIn: 600, recordsOut: 590, failures: 1, retries: 2, onFailure: 0, lagMs: 1_530 },
        { name: 'eventbridge-consumer', trigger: 'rule', recordsIn: 9, recordsOut: 9, failures: 0, retries: 0, onFailure: 0, lagMs: 12 },
      ],
      quarantinedBy: { 'kinesis-republisher': 30 },
      producerUrl: 'http://127.0.0.1:4000',
      draining: false,
    });
    const lines = view.split('\n');
    expect(lines[0]).toBe('Wild Rydes local pipeline  12/30 s  (Ctrl-C to stop and reconcile)');
    expect(lines[1]).toBe('simulator: 600 readings sent (30 malformed), 20 ride events posted, 18 accepted');
    expect(lines[2]).toBe('producer endpoint: POST http://127.0.0.1:4000/events');
    expect(lines[4]?.split(/\s+/).filter(Boolean)).toEqual(['function', 'in', 'out', 'failures', 'quarantined', 'retries', 'on-failure', 'lag']);
    expect(lines[5]?.split(/\s+/).filter(Boolean)).toEqual(['kinesis-republisher', '600', '590', '1', '30', '2', '0', '1.5', 's']);
    expect(lines[6]?.split(/\s+/).filter(Boolean)).toEqual(['eventbridge-consumer', '9', '9', '0', '0', '0', '0', '12', 'ms']);
  });

  it('says when it is draining', () => {
    const view = renderLiveView({
      elapsedSeconds: 40,
      durationSeconds: undefined,
      simulator: { readingsSent: 0, malformedSent: 0, rideEventsPosted: 0, rideEventsAccepted: 0 },
      functions: [],
      quarantinedBy: {},
      producerUrl: undefined,
      draining: true,
    });
    expect(view.split('\n')[0]).toContain('40 s  (draining: simulator stopped');
    expect(view).not.toContain('producer endpoint');
  });
});
