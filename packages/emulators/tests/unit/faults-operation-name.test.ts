import { describe, expect, it } from 'vitest';
import { operationName } from '../../src/faults/operation-name';

describe('operationName', () => {
  it('reads the operation of the JSON protocols from X-Amz-Target', () => {
    expect(operationName('kinesis', 'POST', '/', { 'x-amz-target': 'Kinesis_20131202.PutRecords' })).toBe('PutRecords');
    expect(operationName('dynamodb', 'POST', '/', { 'x-amz-target': 'DynamoDB_20120810.BatchWriteItem' })).toBe('BatchWriteItem');
    expect(operationName('dynamodb', 'POST', '/', { 'x-amz-target': 'DynamoDBStreams_20120810.GetRecords' })).toBe('GetRecords');
    expect(operationName('eventbridge', 'POST', '/', { 'x-amz-target': 'AWSEvents.PutEvents' })).toBe('PutEvents');
    expect(operationName('sqs', 'POST', '/', { 'x-amz-target': 'AmazonSQS.DeleteMessageBatch' })).toBe('DeleteMessageBatch');
    expect(operationName('sqs', 'POST', '/', {})).toBe('Unknown');
  });

  it('names S3 REST operations from the method and the path-style target', () => {
    const cases: Array<[string, string, Record<string, string>, string]> = [
      ['GET', '/', {}, 'ListBuckets'],
      ['PUT', '/failures', {}, 'CreateBucket'],
      ['HEAD', '/failures', {}, 'HeadBucket'],
      ['GET', '/failures?list-type=2&prefix=aws%2F', {}, 'ListObjectsV2'],
      ['GET', '/failures?prefix=aws', {}, 'ListObjects'],
      ['POST', '/failures?delete', {}, 'DeleteObjects'],
      ['PUT', '/failures/aws/lambda/key', {}, 'PutObject'],
      ['PUT', '/failures/copy', { 'x-amz-copy-source': '/failures/key' }, 'CopyObject'],
      ['GET', '/failures/aws/lambda/key', {}, 'GetObject'],
      ['HEAD', '/failures/key', {}, 'HeadObject'],
      ['DELETE', '/failures/key', {}, 'DeleteObject'],
      ['POST', '/failures/key?uploads', {}, 'CreateMultipartUpload'],
      ['PUT', '/failures/key?partNumber=1&uploadId=u', {}, 'UploadPart'],
      ['POST', '/failures/key?uploadId=u', {}, 'CompleteMultipartUpload'],
    ];
    for (const [method, url, headers, expected] of cases) expect(operationName('s3', method, url, headers), `${method} ${url}`).toBe(expected);
  });
});
