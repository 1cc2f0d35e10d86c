import type { StreamFunctionDeclaration } from '@wildrydes/infra';

/**
 * The re-publisher, declared once: its CDK stack builds it from this, and the local runtime wires
 * it from this, so what runs locally is what deploys.
 */
export const kinesisRepublisher = {
  name: 'kinesis-republisher',
  description: 'Kinesis unicorn-telemetry (raw) -> validated, normalised unicorn-telemetry-clean; poison records to the quarantine',
  handler: 'index.handler',
  memorySizeMb: 512,
  timeoutSeconds: 60,
  trigger: {
    type: 'kinesis',
    stream: 'telemetryRaw',
    // 500 readings = one PutRecords request when they are spread over 500 unicorns, and at most
    // as many rounds as the busiest unicorn has readings in the batch (order per unicorn is kept).
    batchSize: 500,
    maxBatchingWindowSeconds: 1,
    startingPosition: 'TRIM_HORIZON',
    bisectBatchOnError: true,
    retryAttempts: 5,
    maxRecordAgeSeconds: 6 * 60 * 60,
  },
  environment: {
    TARGET_STREAM_NAME: { platform: 'telemetryCleanStreamName' },
    QUARANTINE_BUCKET_NAME: { platform: 'quarantineBucketName' },
    MAX_CLOCK_SKEW_SECONDS: '300',
    DEADLINE_SAFETY_MARGIN_MS: '1500',
  },
} as const satisfies StreamFunctionDeclaration;
