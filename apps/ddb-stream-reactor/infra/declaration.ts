import type { StreamFunctionDeclaration } from '@wildrydes/infra';
import { reactorFilterPatterns } from '../src/filter-patterns.js';
import { DEFAULT_HEALTH_LOW_THRESHOLD } from '../src/health.js';

/**
 * HealthPoints below this make a reading low. The one place it is set: `HEALTH_LOW_THRESHOLD`
 * (what the handler compares with) is derived from it. (The event-source filter no longer
 * depends on it: any insert may bring a recovery, which only its stored neighbours can tell.)
 */
export const HEALTH_LOW_THRESHOLD = DEFAULT_HEALTH_LOW_THRESHOLD;

/**
 * The reactor, declared once: its CDK stack builds it from this, and the local runtime wires it
 * from this, so what runs locally is what deploys.
 */
export const ddbStreamReactor = {
  name: 'ddb-stream-reactor',
  description:
    'DynamoDB UnicornSensorData stream -> UnicornHealthLow, UnicornHealthRestored, UnicornReadingCorrected, UnicornReadingRemoved on the bus',
  handler: 'index.handler',
  memorySizeMb: 256,
  timeoutSeconds: 30,
  trigger: {
    type: 'dynamodb-stream',
    table: 'sensorTable',
    // 100 changes cause at most 200 events = 20 PutEvents requests, and at most 100 neighbour
    // windows (one per unicorn): seconds, even with retries.
    batchSize: 100,
    maxBatchingWindowSeconds: 1,
    startingPosition: 'TRIM_HORIZON',
    bisectBatchOnError: true,
    retryAttempts: 3,
    // One hour, far inside the stream's 24-hour retention: the on-failure destination's
    // shard and sequence-number range can still be re-driven from the stream.
    maxRecordAgeSeconds: 60 * 60,
    filterPatterns: reactorFilterPatterns(),
  },
  environment: {
    EVENT_BUS_NAME: { platform: 'eventBusName' },
    TABLE_NAME: { platform: 'sensorTableName' },
    QUARANTINE_BUCKET_NAME: { platform: 'quarantineBucketName' },
    HEALTH_LOW_THRESHOLD: String(HEALTH_LOW_THRESHOLD),
    MAX_EVENT_ENTRY_BYTES: '1048576',
    DEADLINE_SAFETY_MARGIN_MS: '1500',
  },
} as const satisfies StreamFunctionDeclaration;
