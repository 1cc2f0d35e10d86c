import { describe, expect, it } from 'vitest';
import { judgeResponse } from '../../src/adapters/lambda-invoker.js';
import { functionNameOf, invokeTargetOf, planOnFailureObject } from '../../src/plan-on-failure.js';
import { busOfRuleArn, planQueueMessage } from '../../src/plan-queue-message.js';
import type { QueueMessage } from '../../src/ports.js';
import { kinesisOnFailure } from '../support/on-failure.js';

const message = (body: string, attributes: Record<string, string> = {}): QueueMessage => ({ messageId: 'm', receiptHandle: 'h', body, attributes, sentAtMs: undefined });

describe('planOnFailureObject', () => {
  it('gives a Kinesis batch\'s original bytes and partition keys, in the batch\'s order, for the stream of KinesisBatchInfo', () => {
    // Prepare
    const binary = Buffer.from([0x00, 0xff, 0x80]);
    const { record } = kinesisOnFailure('unicorn-telemetry', 'shardId-000000000000', [
      { partitionKey: 'B', data: binary, sequenceNumber: '2' },
      { partitionKey: 'A', data: '{"n":1}', sequenceNumber: '3' },
    ]);

    // Act
    const decision = planOnFailureObject(record);

    // Assess
    expect(decision).toEqual({
      kind: 'put',
      streamName: 'unicorn-telemetry',
      records: [
        { partitionKey: 'B', data: new Uint8Array(binary) },
        { partitionKey: 'A', data: new Uint8Array(Buffer.from('{"n":1}')) },
      ],
    });
  });

  it('skips a payload that is not an invocation event, and data that is not exact base64', () => {
    // Prepare
    const { record } = kinesisOnFailure('s', 'shardId-000000000000', [{ partitionKey: 'A', data: 'a', sequenceNumber: '1' }]);
    const notEvent = { ...record, payload: '{"records":[]}' };
    const badData = { ...record, payload: JSON.stringify({ Records: [{ kinesis: { partitionKey: 'A', data: 'QR==' } }] }) };

    // Act / Assess
    expect(planOnFailureObject(notEvent)).toMatchObject({ kind: 'skip', code: 'INVALID_PAYLOAD' });
    expect(planOnFailureObject(badData)).toEqual({ kind: 'skip', code: 'INVALID_PAYLOAD', detail: 'Records[0].kinesis.data is not valid base64: the original bytes are unknown' });
  });

  it.each([
    ['arn:aws:lambda:us-east-1:123456789012:function:ddb-stream-reactor', { functionName: 'ddb-stream-reactor' }],
    ['arn:aws:lambda:us-east-1:123456789012:function:ddb-stream-reactor:$LATEST', { functionName: 'ddb-stream-reactor', qualifier: '$LATEST' }],
    ['arn:aws:lambda:us-east-1:123456789012:function:ddb-stream-reactor:7', { functionName: 'ddb-stream-reactor', qualifier: '7' }],
    ['arn:aws:sqs:us-east-1:123456789012:queue', undefined],
  ])('reads the function of %s', (arn, expected) => {
    // Act / Assess
    expect(invokeTargetOf(arn)).toEqual(expected);
  });

  it.each([
    ['WildRydes-Reactor-Fn1A2B', 'WildRydes-Reactor-Fn1A2B'],
    ['WildRydes-Reactor-Fn1A2B:live', 'WildRydes-Reactor-Fn1A2B'],
    ['123456789012:function:WildRydes-Reactor-Fn1A2B', 'WildRydes-Reactor-Fn1A2B'],
    ['arn:aws:lambda:us-east-1:123456789012:function:WildRydes-Reactor-Fn1A2B:$LATEST', 'WildRydes-Reactor-Fn1A2B'],
  ])('takes the function name of Invoke\'s FunctionName %s', (nameOrArn, expected) => {
    // Act / Assess
    expect(functionNameOf(nameOrArn)).toBe(expected);
  });
});

describe('planQueueMessage', () => {
  it('rebuilds the PutEvents entry of a DLQ message on the bus of its rule', () => {
    // Prepare
    const event = { version: '0', id: 'e-1', 'detail-type': 'UnicornHealthLow', source: 'wildrydes.fleet', account: '1', time: '2026-12-07T10:00:00Z', region: 'us-east-1', resources: ['arn:aws:dynamodb:us-east-1:1:table/UnicornSensorData'], detail: { name: 'Shadowfax' } };

    // Act
    const decision = planQueueMessage(message(JSON.stringify(event), { RULE_ARN: 'arn:aws:events:us-east-1:123456789012:rule/wildrydes-bus/consumer' }), 'dead-letter', 'fallback');

    // Assess
    expect(decision).toEqual({
      kind: 'put',
      entry: { Source: 'wildrydes.fleet', DetailType: 'UnicornHealthLow', Detail: '{"name":"Shadowfax"}', EventBusName: 'wildrydes-bus', Resources: event.resources, Time: new Date(event.time) },
      summary: 'UnicornHealthLow from wildrydes.fleet (was event e-1)',
    });
  });

  it.each([
    ['not json', 'dead-letter', 'the body is not JSON'],
    ['{"source":"s","detail-type":"t"}', 'dead-letter', 'the event has no detail object'],
    ['{"source":"s","detail-type":"t","detail":{}}', 'on-failure', 'the body is not an asynchronous invocation record (requestContext, requestPayload, ...)'],
  ] as const)('skips %s from the %s queue: %s', (body, queue, detail) => {
    // Act / Assess
    expect(planQueueMessage(message(body), queue, 'bus')).toEqual({ kind: 'skip', code: 'NOT_AN_EVENT', detail });
  });

  it('reads the bus of a rule ARN, default bus included', () => {
    // Act / Assess
    expect(busOfRuleArn('arn:aws:events:us-east-1:123456789012:rule/wildrydes-bus/consumer')).toBe('wildrydes-bus');
    expect(busOfRuleArn('arn:aws:events:us-east-1:123456789012:rule/consumer')).toBe('default');
    expect(busOfRuleArn('not an arn')).toBeUndefined();
    expect(busOfRuleArn(undefined)).toBeUndefined();
  });
});

describe('judgeResponse (Lambda Invoke, RequestResponse)', () => {
  it('succeeds on a normal return without failed records', () => {
    expect(judgeResponse(undefined, '{"batchItemFailures":[]}')).toEqual({ ok: true });
    expect(judgeResponse(undefined, 'null')).toEqual({ ok: true });
  });

  it('fails on X-Amz-Function-Error, naming the error', () => {
    expect(judgeResponse('Unhandled', '{"errorType":"TypeError","errorMessage":"boom"}')).toEqual({ ok: false, reason: 'FunctionError: Unhandled: TypeError: boom' });
  });

  it('fails when the handler reports records in batchItemFailures', () => {
    expect(judgeResponse(undefined, '{"batchItemFailures":[{"itemIdentifier":"100"}]}')).toEqual({
      ok: false,
      reason: 'BatchItemFailures: the function reported 1 record(s) as failed (100)',
    });
  });
});
