import type { RetryPolicy } from './types';

/** The bus every account has, and the one PutEvents uses when an entry names none. */
export const DEFAULT_EVENT_BUS_NAME = 'default';
/** Account in ARNs and event envelopes unless `accountId` is given. */
export const DEFAULT_ACCOUNT_ID = '000000000000';
/** Region in ARNs and event envelopes unless `region` (or `AWS_REGION`) is given. */
export const DEFAULT_REGION = 'us-east-1';
/** PutEvents takes 1..10 entries. */
export const MAX_PUT_EVENTS_ENTRIES = 10;
/** PutEvents entry size limit since January 2026 (1 MiB), counted as AWS documents it. */
export const DEFAULT_MAX_ENTRY_BYTES = 1_048_576;
/** A rule has at most 5 targets. */
export const MAX_TARGETS_PER_RULE = 5;
/** PutTargets takes 1..10 targets. */
export const MAX_TARGETS_PER_REQUEST = 10;
/** First retry delay unless `retryBaseDelayMs` is given; each retry doubles it. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;
/** Retry delays stop doubling at this multiple of the base delay (256 s with the default base). */
export const MAX_RETRY_DELAY_FACTOR = 256;
/** EventBridge's retry policy when a target sets none: 185 retries within 24 hours. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maximumRetryAttempts: 185,
  maximumEventAgeSeconds: 86_400,
});
/** Upper bounds EventBridge enforces on a retry policy. */
export const RETRY_POLICY_LIMITS = Object.freeze({ maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 });
