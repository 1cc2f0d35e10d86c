import * as lambda from 'aws-cdk-lib/aws-lambda';

/** A stand-in deployment package, so construct tests need no `nx build`. */
export const inlineCode = (): lambda.Code => lambda.Code.fromInline('export const handler = async () => ({});');

/** The error `action` throws (fails the test when it throws nothing). */
export function catchError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
