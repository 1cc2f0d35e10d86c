import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import {
  createKinesisClient,
  createS3Client,
  deadlineFromLambdaContext,
  putRecords,
  quarantineRecords,
} from '@wildrydes/aws-clients';
import { loadConfig } from './config.js';
import { processBatch, type RepublisherPorts } from './process-batch.js';

const FUNCTION_NAME = 'kinesis-republisher';

// Once per container: configuration (fails fast, naming the bad variable) and clients.
const config = loadConfig();
const logger = new Logger({ serviceName: FUNCTION_NAME });
const kinesis = createKinesisClient();
const s3 = createS3Client();

/** Lambda entry: Kinesis `unicorn-telemetry` (raw) -> validated, normalised `unicorn-telemetry-clean`. */
export async function handler(event: KinesisStreamEvent, context: Context): Promise<KinesisStreamBatchResponse> {
  const deadline = deadlineFromLambdaContext(context, { safetyMarginMs: config.DEADLINE_SAFETY_MARGIN_MS });
  const ports: RepublisherPorts = {
    publish: async (records) => {
      const { written, failed } = await putRecords(kinesis, { streamName: config.TARGET_STREAM_NAME, records, deadline });
      return { written: written.map(({ ref }) => ref), failed };
    },
    quarantine: async (records) => {
      const { failed } = await quarantineRecords(s3, { bucketName: config.QUARANTINE_BUCKET_NAME, records, deadline });
      return { failed: failed.map(({ record }) => record) };
    },
    now: () => new Date(),
  };

  const result = await processBatch(event.Records, ports, {
    functionName: FUNCTION_NAME,
    maxClockSkewMs: config.MAX_CLOCK_SKEW_SECONDS * 1000,
  });
  for (const quarantined of result.quarantined) logger.warn('record quarantined', quarantined);
  for (const failure of result.failures) logger.warn('record handed back for retry', failure);
  logger.info('batch processed', { ...result.summary });
  return result.response;
}
