import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serviceErrorResponse, type FailedRequest, type ServiceErrorKind } from '../../src/faults/service-errors';

const first = <T>(choices: readonly [T, ...T[]]): T => choices[0];
const last = <T>(choices: readonly [T, ...T[]]): T => choices[choices.length - 1] as T;

function answer(request: FailedRequest, kind: ServiceErrorKind, pick = first): { status: number; headers: Record<string, unknown>; body: string } {
  const { response } = serviceErrorResponse(request, kind, pick);
  return { status: response.statusCode, headers: response.headers as Record<string, unknown>, body: response.body.toString('utf8') };
}

describe('serviceErrorResponse: each service fails in its own protocol', () => {
  it('Kinesis throttles a data call with ProvisionedThroughputExceededException, 400, JSON 1.1', () => {
    const { status, headers, body } = answer({ service: 'kinesis', operation: 'PutRecords', method: 'POST' }, 'throttle');
    expect(status).toBe(400);
    expect(headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(body)).toMatchObject({ __type: 'ProvisionedThroughputExceededException' });
    expect(headers['content-length']).toBe(Buffer.byteLength(body));
  });

  it('Kinesis throttles a control call with LimitExceededException', () => {
    expect(JSON.parse(answer({ service: 'kinesis', operation: 'ListShards', method: 'POST' }, 'throttle').body).__type).toBe('LimitExceededException');
  });

  it('DynamoDB answers JSON 1.0 with the namespaced __type and a correct x-amz-crc32', () => {
    for (const [pick, code] of [
      [first, 'ProvisionedThroughputExceededException'],
      [last, 'ThrottlingException'],
    ] as const) {
      const { status, headers, body } = answer({ service: 'dynamodb', operation: 'BatchWriteItem', method: 'POST' }, 'throttle', pick);
      expect(status).toBe(400);
      expect(headers['content-type']).toBe('application/x-amz-json-1.0');
      expect(JSON.parse(body).__type).toBe(`com.amazonaws.dynamodb.v20120810#${code}`);
      expect(headers['x-amz-crc32']).toBe(String(crc32(Buffer.from(body))));
    }
  });

  it('DynamoDB 5xx are InternalServerError 500 and ServiceUnavailable 503', () => {
    expect(answer({ service: 'dynamodb', operation: 'PutItem', method: 'POST' }, 'serverError').status).toBe(500);
    expect(JSON.parse(answer({ service: 'dynamodb', operation: 'PutItem', method: 'POST' }, 'serverError').body).__type).toMatch(/#InternalServerError$/);
    expect(answer({ service: 'dynamodb', operation: 'PutItem', method: 'POST' }, 'serverError', last).status).toBe(503);
  });

  it('EventBridge throttles with ThrottlingException 400 and fails with InternalException 500', () => {
    expect(JSON.parse(answer({ service: 'eventbridge', operation: 'PutEvents', method: 'POST' }, 'throttle').body).__type).toBe('ThrottlingException');
    const failure = answer({ service: 'eventbridge', operation: 'PutEvents', method: 'POST' }, 'serverError');
    expect([failure.status, JSON.parse(failure.body).__type]).toEqual([500, 'InternalException']);
  });

  it('SQS names the error in x-amzn-query-error as <Code>;Sender|Receiver (SQS Developer Guide, JSON error response structure)', () => {
    const throttled = answer({ service: 'sqs', operation: 'SendMessageBatch', method: 'POST' }, 'throttle');
    expect(throttled.status).toBe(403);
    expect(throttled.headers['x-amzn-query-error']).toBe('RequestThrottled;Sender');
    expect(JSON.parse(throttled.body).__type).toBe('com.amazonaws.sqs#RequestThrottled');
    const failed = answer({ service: 'sqs', operation: 'ReceiveMessage', method: 'POST' }, 'serverError');
    expect(failed.headers['x-amzn-query-error']).toBe('InternalError;Receiver');
  });

  it('S3 throttles with an XML SlowDown, 503, and fails with InternalError, 500 (S3 API Reference, Error responses)', () => {
    const slowDown = answer({ service: 's3', operation: 'PutObject', method: 'PUT' }, 'throttle');
    expect(slowDown.status).toBe(503);
    expect(slowDown.headers['content-type']).toBe('application/xml');
    expect(slowDown.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>SlowDown<\/Code><Message>Please reduce your request rate.<\/Message><RequestId>\w+<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
    expect(answer({ service: 's3', operation: 'GetObject', method: 'GET' }, 'serverError').body).toContain('<Code>InternalError</Code>');
  });

  it('S3 answers a HEAD request without a body', () => {
    expect(answer({ service: 's3', operation: 'HeadObject', method: 'HEAD' }, 'throttle').body).toBe('');
  });

  it('every service is unavailable with ServiceUnavailable, 503', () => {
    for (const service of ['kinesis', 'dynamodb', 'eventbridge', 'sqs', 's3'] as const) {
      const { status, body } = answer({ service, operation: 'Any', method: 'POST' }, 'unavailable');
      expect(status).toBe(503);
      expect(body).toContain('ServiceUnavailable');
    }
  });
});
