import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { callWithRetry } from '@wildrydes/aws-clients';
import type { FunctionInvoker, InvokeOutcome } from '../ports.js';
import { retryOptionsOf, type CallSettings } from './retry-settings.js';

/** Lambda's longest timeout (900 s) plus room for the round trip. */
const DEFAULT_INVOKE_TIMEOUT_MS = 960_000;

/**
 * Re-delivers batches with Lambda's Invoke API, synchronously (`InvocationType:
 * RequestResponse`), the payload exactly as given. Per "Invoke" (AWS Lambda API Reference), a
 * function error does not fail the call: the response carries `FunctionError` (the
 * `X-Amz-Function-Error` header) and the error object as payload. A stream handler may also
 * return normally and report records in `batchItemFailures` ("Configuring partial batch
 * response", Lambda Developer Guide). Both are failures here. Service errors (throttling, ...)
 * are retried within `callTimeoutMs` (default 960 s, Lambda's longest timeout and some).
 *
 * @example
 * ```ts
 * const invoker = lambdaInvoker(new LambdaClient({}));
 * await invoker.invoke({ functionName: 'ddb-stream-reactor' }, '{"Records":[…]}'); // { ok: true }
 * ```
 */
export function lambdaInvoker(client: LambdaClient, settings: CallSettings = {}): FunctionInvoker {
  return {
    async invoke(target, payload) {
      const outcome = await callWithRetry(
        (abortSignal) =>
          client.send(
            new InvokeCommand({
              FunctionName: target.functionName,
              ...(target.qualifier === undefined ? {} : { Qualifier: target.qualifier }),
              InvocationType: 'RequestResponse',
              Payload: Buffer.from(payload, 'utf8'),
            }),
            { abortSignal },
          ),
        retryOptionsOf({ callTimeoutMs: DEFAULT_INVOKE_TIMEOUT_MS, ...settings }),
      );
      if (!outcome.ok) return { ok: false, reason: outcome.reason };
      const { FunctionError, Payload } = outcome.value;
      return judgeResponse(FunctionError, Payload === undefined ? '' : Buffer.from(Payload).toString('utf8'));
    },
  };
}

/**
 * The outcome of one synchronous invocation, from its `FunctionError` and its payload.
 *
 * @example
 * ```ts
 * judgeResponse(undefined, '{"batchItemFailures":[]}');                  // { ok: true }
 * judgeResponse('Unhandled', '{"errorType":"Error","errorMessage":"x"}'); // { ok: false, reason: 'FunctionError: Unhandled: Error: x' }
 * ```
 */
export function judgeResponse(functionError: string | undefined, payload: string): InvokeOutcome {
  let response: unknown;
  try {
    response = payload === '' ? null : JSON.parse(payload);
  } catch {
    response = payload;
  }
  if (functionError !== undefined) {
    const { errorType, errorMessage } = (typeof response === 'object' && response !== null ? response : {}) as { errorType?: unknown; errorMessage?: unknown };
    const what = [errorType, errorMessage].filter((part) => typeof part === 'string').join(': ');
    return { ok: false, reason: `FunctionError: ${functionError}${what === '' ? '' : `: ${what}`}` };
  }
  const failures = (response as { batchItemFailures?: unknown } | null)?.batchItemFailures;
  if (Array.isArray(failures) && failures.length > 0) {
    const ids = failures.map((failure) => String((failure as { itemIdentifier?: unknown } | null)?.itemIdentifier)).slice(0, 3);
    return {
      ok: false,
      reason: `BatchItemFailures: the function reported ${failures.length} record(s) as failed (${ids.join(', ')}${failures.length > ids.length ? ', ...' : ''})`,
    };
  }
  return { ok: true };
}
