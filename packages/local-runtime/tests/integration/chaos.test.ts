import { afterEach, describe, expect, it, vi } from 'vitest';
import { Chaos, heavyOutage } from '../../src/runtime/chaos.js';

// Targets are never reached here: a proxy connects to its emulator only when a request comes.
const targets = { kinesis: 'http://127.0.0.1:9', dynamodb: 'http://127.0.0.1:9', s3: 'http://127.0.0.1:9', eventbridge: 'http://127.0.0.1:9' };

describe('chaos mode (--faults)', () => {
  let chaos: Chaos | undefined;
  afterEach(async () => chaos?.stop());

  it('heavy: DynamoDB denies every call for a quarter of the run (at least 6 s), a third of the way in', () => {
    expect(heavyOutage(60)).toEqual({ service: 'dynamodb', kind: 'denied', startAfterMs: 20_000, durationMs: 15_000 });
    expect(heavyOutage(12)).toEqual({ service: 'dynamodb', kind: 'denied', startAfterMs: 4_000, durationMs: 6_000 });
  });

  it("points the functions' endpoint variables at one proxy per service, and reports every service", async () => {
    chaos = await Chaos.start({ profile: 'light', seed: 1, targets });
    const env = chaos.functionEnvironment();
    expect(Object.keys(env).sort()).toEqual(['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_EVENTBRIDGE', 'AWS_ENDPOINT_URL_KINESIS', 'AWS_ENDPOINT_URL_S3']);
    expect(new Set(Object.values(env)).size).toBe(4);
    for (const endpoint of Object.values(env)) expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(chaos.report()).sort()).toEqual(['dynamodb', 'eventbridge', 'kinesis', 's3']);
    expect(chaos.outage).toBeUndefined();
  });

  it('heavy: begin() starts the outage on schedule, the live view names it, and calm() ends it', async () => {
    // Prepare
    chaos = await Chaos.start({ profile: 'heavy', seed: 1, targets, outage: { service: 'dynamodb', kind: 'denied', startAfterMs: 0, durationMs: 60_000 } });

    // Act
    chaos.begin();
    await vi.waitFor(() => expect(chaos?.liveStatus().outage).toBe('dynamodb'));
    chaos.calm();

    // Assess
    expect(chaos.liveStatus()).toMatchObject({ profile: 'heavy' });
    expect(chaos.liveStatus().outage).toBeUndefined();
  });
});
