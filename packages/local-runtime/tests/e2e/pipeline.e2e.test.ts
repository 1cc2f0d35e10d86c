import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type * as AwsClients from '@wildrydes/aws-clients';
import { runPipeline } from '../../src/runtime/run-pipeline.js';

// Counts the listings of the quarantine bucket: the live view must not list it every second.
const listings = vi.hoisted(() => ({ count: 0 }));
vi.mock('@wildrydes/aws-clients', async (importOriginal) => {
  const original = await importOriginal<typeof AwsClients>();
  return {
    ...original,
    listQuarantined: (...args: Parameters<typeof original.listQuarantined>) => {
      listings.count += 1;
      return original.listQuarantined(...args);
    },
  };
});

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('npm start, end to end', () => {
  it(
    'runs a short pipeline on the emulators and reconciles it: nothing lost, events consumed, read model and quarantine right',
    async () => {
      // Prepare: a few seconds of telemetry with 20% malformed readings, and rides over HTTP.
      const output: string[] = [];

      // Act
      const result = await runPipeline({
        workspaceRoot,
        durationSeconds: 5,
        rate: 60,
        unicorns: 4,
        badRatio: 0.2,
        ridesPerSecond: 3,
        seed: 42,
        shardCount: 2,
        interactive: false,
        drainTimeoutSeconds: 90,
        write: (text) => output.push(text),
      });

      // Assess
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.sent).toBeGreaterThan(150);
      expect(result.sent).toBe(result.stored + result.quarantined);
      expect(result.lost).toBe(0);
      expect(result.quarantined).toBeGreaterThan(0);
      // Every malformed reading is caught by the republisher, for one of the reasons it quarantines.
      for (const reason of Object.keys(result.quarantineByReason)) {
        expect(reason).toMatch(/^kinesis-republisher: (INVALID_JSON|SCHEMA_VIOLATION|INVALID_BASE64)$/);
      }
      expect(result.rideEventsAccepted).toBeGreaterThan(0);
      expect(result.eventsPublished).toBeGreaterThanOrEqual(result.rideEventsAccepted / 2);
      expect(result.eventsConsumed).toBe(result.eventsPublished);
      expect(result.eventsByType['RideCompleted']).toBe(result.rideEventsAccepted / 2);
      expect(result.lowReadingsWithoutAlert).toBe(0);
      expect(result.readModel).toMatchObject({ matches: true, mismatches: [] });
      expect(result.readModel.unicorns).toBeGreaterThan(0);
      expect(result.onFailure).toEqual({ reached: 0, records: 0, redriven: 0, remaining: 0, deliveryFailures: 0, expected: false });
      expect(result.faults).toBeUndefined();
      expect(result.latencyMs.samples).toBe(result.stored);
      const printed = output.join('');
      expect(printed).toContain('kinesis-ddb-writer');
      expect(printed).toContain('Nothing lost.');
      // The live view counted the quarantine from the bucket's object events; only the reconciliation listed it, once.
      expect(listings.count).toBe(1);
      const lastView = printed.slice(printed.lastIndexOf('\nfunction '), printed.indexOf('Reconciliation'));
      const republisherRow = lastView.split('\n').find((line) => line.startsWith('kinesis-republisher '));
      expect(republisherRow?.split(/\s+/)[4]).toBe(String(result.quarantined));
      // Every line of the live view and of what came before it fits an 80-column terminal (but the
      // paths and command lines printed to be pasted whole).
      const beforeReconciliation = printed.slice(0, printed.indexOf('Reconciliation')).split('\n');
      expect(beforeReconciliation.filter((line) => line.length > 79 && !/^(Function logs: |npm run redrive -- )/.test(line))).toEqual([]);
      // Each function that keeps what it fails on has its re-drive command, every location named.
      expect(printed).toMatch(/^npm run redrive -- --function kinesis-ddb-writer --bucket wildrydes-quarantine --failure-bucket wildrydes-failures --on-failure-prefix aws\/lambda\/[0-9a-f-]{36}\/ --function-arn kinesis-ddb-writer$/m);
      expect(printed).toMatch(/^npm run redrive -- --function eventbridge-consumer --dead-letter-queue-url http:\/\/127\.0\.0\.1:\d+\/000000000000\/eventbridge-consumer-dead-letter --on-failure-queue-url \S+ --event-bus wildrydes-bus$/m);
      expect(printed).toMatch(/^export AWS_ENDPOINT_URL_LAMBDA=http:\/\/127\.0\.0\.1:\d+$/m);
      expect(printed).toMatch(/^export AWS_ENDPOINT_URL_SQS=http:\/\/127\.0\.0\.1:\d+$/m);
    },
    180_000,
  );
});
