import type { StreamFunctionDeclaration } from '@wildrydes/infra';

/**
 * The writer, declared once: its CDK stack builds it from this, and the local runtime wires it
 * from this, so what runs locally is what deploys.
 */
export const kinesisDdbWriter = {
  name: 'kinesis-ddb-writer',
  description: 'Kinesis unicorn-telemetry-clean -> DynamoDB UnicornSensorData; poison records to the quarantine',
  handler: 'index.handler',
  memorySizeMb: 512,
  timeoutSeconds: 60,
  trigger: {
    type: 'kinesis',
    stream: 'telemetryClean',
    // 500 readings = 20 BatchWriteItem requests: well inside the timeout even with retries.
    batchSize: 500,
    maxBatchingWindowSeconds: 1,
    startingPosition: 'TRIM_HORIZON',
    bisectBatchOnError: true,
    retryAttempts: 5,
    maxRecordAgeSeconds: 6 * 60 * 60,
  },
  environment: {
    TABLE_NAME: { platform: 'sensorTableName' },
    QUARANTINE_BUCKET_NAME: { platform: 'quarantineBucketName' },
    DEADLINE_SAFETY_MARGIN_MS: '1500',
  },
} as const satisfies StreamFunctionDeclaration;
