import { SqsApiError } from '../../src/sqs/errors';

/** The {@link SqsApiError} that `action` throws; any other outcome fails the test. */
export function sqsApiErrorOf(action: () => unknown): SqsApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof SqsApiError) return error;
    throw error;
  }
  throw new Error('expected an SqsApiError');
}
