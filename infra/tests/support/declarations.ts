import type {
  EventRuleFunctionDeclaration,
  HttpFunctionDeclaration,
  StreamFunctionDeclaration,
} from '../../src/index.js';

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

/** A DynamoDB-stream filter on the `dynamodb` key (the only key Lambda filters DynamoDB records on): items that exist after the change. */
export const newImageFilter = { dynamodb: { NewImage: { Name: { S: [{ exists: true }] } } } };

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
    filterPatterns: [newImageFilter],
  },
  environment: { EVENT_BUS_NAME: { platform: 'eventBusName' } },
} satisfies StreamFunctionDeclaration;

/** An EventBridge rule target shaped like eventbridge-consumer, with every setting left to its default. */
export const eventRuleDeclaration = {
  name: 'eventbridge-consumer',
  description: 'RideCompleted and UnicornHealthLow -> fleet read model',
  handler: 'index.handler',
  memorySizeMb: 256,
  timeoutSeconds: 20,
  trigger: {
    type: 'eventbridge-rule',
    bus: 'eventBus',
    eventPattern: {
      source: ['wildrydes.rides', 'wildrydes.fleet'],
      'detail-type': ['RideCompleted', 'UnicornHealthLow'],
      detail: { schemaVersion: [{ numeric: ['>=', 1] }] },
    },
  },
  environment: { READ_MODEL_TABLE_NAME: 'UnicornFleetReadModel' },
} as const satisfies EventRuleFunctionDeclaration;

/** An HTTP function shaped like eventbridge-producer. */
export const httpDeclaration = {
  name: 'eventbridge-producer',
  description: 'HTTPS ride events -> validated -> the bus',
  handler: 'index.handler',
  memorySizeMb: 256,
  timeoutSeconds: 10,
  reservedConcurrency: 10,
  trigger: { type: 'function-url', authType: 'AWS_IAM' },
  environment: { EVENT_BUS_NAME: { platform: 'eventBusName' } },
} as const satisfies HttpFunctionDeclaration;
