import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, test } from 'vitest';
import { functionNameOf, startLambdaInvokeServer, type LambdaInvokeServer } from '../../src/http/lambda-invoke-server.js';

// Lambda's Invoke API, as the AWS Lambda API Reference ("Invoke") describes it, reached with the SDK v3 client.
describe('the local Lambda Invoke API', () => {
  let server: LambdaInvokeServer | undefined;
  afterEach(async () => server?.close());

  const client = (endpoint: string) => new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

  test('RequestResponse: the function gets the payload as sent, the caller gets its result', async () => {
    // Prepare
    const received: unknown[] = [];
    server = await startLambdaInvokeServer(
      new Map([['ddb-stream-reactor', async (event: unknown) => (received.push(event), { kind: 'returned' as const, response: { batchItemFailures: [] }, durationMs: 1, coldStart: false })]]),
    );
    // Act
    const result = await client(server.endpoint).send(
      new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:ddb-stream-reactor', Payload: Buffer.from('{"Records":[{"eventID":"1"}]}') }),
    );
    // Assess
    expect(received).toEqual([{ Records: [{ eventID: '1' }] }]);
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(result.Payload ?? []).toString('utf8'))).toEqual({ batchItemFailures: [] });
    expect(server.invocations.get('ddb-stream-reactor')).toBe(1);
  });

  test('a function error is a 200 with FunctionError "Unhandled" and the error in the payload', async () => {
    server = await startLambdaInvokeServer(new Map([['fails', async () => ({ kind: 'error' as const, message: 'boom', durationMs: 1, coldStart: false })]]));
    const result = await client(server.endpoint).send(new InvokeCommand({ FunctionName: 'fails:$LATEST', Payload: Buffer.from('{}') }));
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    expect(JSON.parse(Buffer.from(result.Payload ?? []).toString('utf8'))).toMatchObject({ errorMessage: 'boom' });
  });

  test('an unknown function is ResourceNotFoundException', async () => {
    server = await startLambdaInvokeServer(new Map());
    await expect(client(server.endpoint).send(new InvokeCommand({ FunctionName: 'nobody', Payload: Buffer.from('{}') }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  test('function names are read from names, partial ARNs and ARNs, with or without a qualifier', () => {
    expect(functionNameOf('my-function')).toBe('my-function');
    expect(functionNameOf('my-function:$LATEST')).toBe('my-function');
    expect(functionNameOf('123456789012:function:my-function')).toBe('my-function');
    expect(functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:my-function:7')).toBe('my-function');
  });
});
