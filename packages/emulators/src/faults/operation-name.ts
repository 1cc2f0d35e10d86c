import type { IncomingHttpHeaders } from 'node:http';
import { s3OperationName } from './s3-operation';
import type { FaultService } from './types';

/**
 * The API operation a request calls: for the JSON protocols (Kinesis, DynamoDB and DynamoDB
 * Streams, EventBridge, SQS) the part of `X-Amz-Target` after the dot (`Kinesis_20131202.PutRecords`
 * → `PutRecords`); for S3 the REST operation of the method and path.
 *
 * @example
 * ```ts
 * operationName('sqs', 'POST', '/', { 'x-amz-target': 'AmazonSQS.SendMessageBatch' }); // 'SendMessageBatch'
 * ```
 */
export function operationName(service: FaultService, method: string, url: string, headers: IncomingHttpHeaders): string {
  if (service === 's3') return s3OperationName(method, url, headers);
  const target = headers['x-amz-target'];
  if (typeof target !== 'string' || target === '') return 'Unknown';
  return target.slice(target.lastIndexOf('.') + 1);
}
