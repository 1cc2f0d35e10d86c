import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/runtime/run-pipeline.js';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('npm start -- --faults heavy, end to end', () => {
  it(
    'injects faults into every service the functions call, sends records to on-failure destinations with an outage, re-drives them all and loses nothing',
    async () => {
      // Prepare: a short, seeded run; DynamoDB denies every call for 6 s from 4 s in (heavyOutage(12)).
      const output: string[] = [];

      // Act
      const result = await runPipeline({
        workspaceRoot,
        durationSeconds: 12,
        rate: 60,
        unicorns: 4,
        badRatio: 0.1,
        ridesPerSecond: 2,
        seed: 7,
        shardCount: 2,
        faults: 'heavy',
        interactive: false,
        drainTimeoutSeconds: 120,
        write: (text) => output.push(text),
      });

      // Assess: nothing lost, everything reconciled.
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.sent).toBe(result.stored + result.quarantined);
      expect(result.missingValid).toBe(0);
      expect(result.eventsConsumed).toBe(result.eventsPublished);
      expect(result.readModel.matches).toBe(true);
      // The outage really exhausted retries: records and events reached the on-failure destinations,
      // every object and message there was re-driven, and nothing is left or was lost on the way.
      expect(result.onFailure.expected).toBe(true);
      expect(result.onFailure.reached).toBeGreaterThan(0);
      expect(result.onFailure.records).toBeGreaterThanOrEqual(result.onFailure.reached);
      expect(result.onFailure.redriven).toBe(result.onFailure.reached);
      expect(result.onFailure.remaining).toBe(0);
      expect(result.onFailure.deliveryFailures).toBe(0);
      // Faults of several kinds hit the functions' calls; the outage hit DynamoDB.
      // Every service a function calls sat behind a proxy and saw faults.
      const faults = result.faults ?? {};
      expect(Object.keys(faults).sort()).toEqual(['dynamodb', 'eventbridge', 'kinesis', 's3']);
      for (const [service, byKind] of Object.entries(faults)) {
        expect({ service, affected: Object.values(byKind).reduce((sum, n) => sum + n, 0) > 0 }).toEqual({ service, affected: true });
      }
      expect(faults['dynamodb']?.['outage']).toBeGreaterThan(0);
      const kinds = new Set(Object.values(faults).flatMap((byKind) => Object.keys(byKind).filter((kind) => (byKind[kind] ?? 0) > 0)));
      for (const kind of ['throttle', 'serverError', 'partialBatch', 'outage']) expect(kinds).toContain(kind);
      const printed = output.join('');
      expect(printed).toContain('Chaos (heavy)');
      expect(printed).toContain('Re-driving the on-failure destinations (round 1)');
      expect(printed).toContain('Nothing lost.');
    },
    300_000,
  );
});
