import type { StreamFunctionDeclaration } from '../../src/index.js';

/** A Kinesis consumer shaped like kinesis-ddb-writer. */
export const kinesisDeclaration = {
  name: 'kinesis-ddb-writer',
  description: 'unicorn-telemetry-clean -> UnicornSensorData',
  handler: 'index.handler',
  memorySizeMb: 512,
  timeoutSeconds: 60,
  trigger: { type: 'kinesis', stream: 'telemetryClean', batchSize: 500, maxBatchingWindowSeconds: 1 },
  environment: {
    TABLE_NAME: { platform: 'sensorTableName' },
    QUARANTINE_BUCKET_NAME: { platform: 'quarantineBucketName' },
    LOG_LEVEL: 'INFO',
  },
} satisfies StreamFunctionDeclaration;

/** A DynamoDB-stream consumer shaped like ddb-stream-reactor, with a filter and overrides. */
export const dynamoDbDeclaration = {
  name: 'ddb-stream-reactor',
  description: 'UnicornSensorData changes -> domain events',
  handler: 'index.handler',
  memorySizeMb: 256,
  timeoutSeconds: 30,
  reservedConcurrency: 5,
  trigger: {
    type: 'dynamodb-stream',
    table: 'sensorTable',
    batchSize: 100,
    maxBatchingWindowSeconds: 5,
    retryAttempts: 5,
    maxRecordAgeSeconds: 7200,
    startingPosition: 'LATEST',
    filterPatterns: [{ eventName: ['INSERT', 'MODIFY'] }],
  },
  environment: { EVENT_BUS_NAME: { platform: 'eventBusName' } },
} satisfies StreamFunctionDeclaration;
