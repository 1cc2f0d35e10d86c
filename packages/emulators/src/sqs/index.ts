export { startSqs, type SqsOptions, type RunningSqs, type SqsQueueApi } from './start-sqs';
export { LocalSqs } from './local-sqs';
export type { LocalSqsOptions } from './options';
export type { QueueDepth } from './local-queue';
export { md5OfBody, md5OfMessageAttributes, type MessageAttributeValue } from './md5';
export { SqsEmulatorError, SqsApiError, QueueDoesNotExistError, InvalidParameterValueError, InvalidSqsOptionsError, SQS_ERRORS, type SqsErrorKind, type SqsErrorName } from './errors';
