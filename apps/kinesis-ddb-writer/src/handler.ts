import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import {
  batchWriteItems,
  createDynamoDbClient,
  createS3Client,
  deadlineFromLambdaContext,
  quarantineRecords,
} from '@wildrydes/aws-clients';
import { SENSOR_TABLE_KEY } from '@wildrydes/schemas';
import { loadConfig } from './config.js';
import { processBatch, type WriterPorts } from './process-batch.js';

// Once per container: configuration (fails fast, naming the bad variable) and clients.
const config = loadConfig();
const logger = new Logger({ serviceName: 'kinesis-ddb-writer' });
const dynamodb = createDynamoDbClient();
const s3 = createS3Client();

/** Lambda entry: Kinesis `unicorn-telemetry-clean` -> DynamoDB `UnicornSensorData`. */
export async function handler(event: KinesisStreamEvent, context: Context): Promise<KinesisStreamBatchResponse> {
  const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: config.DEADLINE_SAFETY_MARGIN_MS });
  const ports: WriterPorts = {
    writeItems: (puts) =>
      batchWriteItems(dynamodb, {
        tableName: config.TABLE_NAME,
        keyAttributes: [SENSOR_TABLE_KEY.partitionKey, SENSOR_TABLE_KEY.sortKey],
        puts,
        deadline,
      }),
    quarantine: async (records) => {
      const { failed } = await quarantineRecords(s3, { bucketName: config.QUARANTINE_BUCKET_NAME, records, deadline });
      return { failed: failed.map(({ record }) => record) };
    },
    now: () => new Date(),
  };

  const result = await processBatch(event.Records, ports, 'kinesis-ddb-writer');
  for (const quarantined of result.quarantined) logger.warn('record quarantined', quarantined);
  for (const failure of result.failures) logger.warn('record handed back for retry', failure);
  logger.info('batch processed', { ...result.summary });
  return result.response;
}
