import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { QuarantineRecordSchema, quarantineObjectKey, type QuarantineRecord } from '@wildrydes/schemas';
import type { Random } from './backoff.js';
import { callWithRetry } from './call-with-retry.js';
import { mapWithConcurrency } from './concurrency.js';
import type { Deadline, Sleep } from './deadline.js';
import { InvalidOptionsError, InvalidQuarantinedObjectError } from './errors.js';
import type { RetryOptions } from './retry-policy.js';
import type { WriteFailureCode } from './write-failure-code.js';

/** PutObject calls in flight at once by default: records are small, so latency dominates. */
export const DEFAULT_QUARANTINE_CONCURRENCY = 8;

/** What to quarantine where, and how hard to try. */
export interface QuarantineRecordsInput {
  bucketName: string;
  records: readonly QuarantineRecord[];
  deadline: Deadline;
  /**
   * PutObject calls in flight at once.
   * @default 8
   */
  concurrency?: number;
  retry?: RetryOptions;
  /** Injectable for tests; defaults to a real timer. */
  sleep?: Sleep;
  /** Injectable for tests; defaults to `Math.random`. */
  random?: Random;
}

/** A record that could not be quarantined. */
export interface QuarantineFailure {
  record: QuarantineRecord;
  /** `false` when storing it can never succeed (the record is invalid, or S3 rejects it). */
  retryable: boolean;
  /**
   * Why, for decisions: `Invalid` (the record fails `QuarantineRecordSchema`, or S3 rejects the
   * request), `TooLarge` (S3's `EntityTooLarge`), or the retryable `DeadlineReached`,
   * `MaxAttemptsReached` and `Environment` (see {@link WriteFailureCode}).
   */
  code: WriteFailureCode;
  /** `Code: detail`, for the log; decide on `code`. */
  reason: string;
  cause?: unknown;
}

/** Where every record ended: each is in exactly one of the two lists, in input order. */
export interface QuarantineResult {
  stored: QuarantineRecord[];
  failed: QuarantineFailure[];
}

/**
 * Stores each record as JSON at `quarantineObjectKey(record)`. The key depends only on the
 * record's origin, so quarantining a record again (a retried batch) overwrites the same object:
 * the operation is idempotent. Records are validated first (a record the re-drive command could
 * not read back is a failure now, not later); transient errors are retried with backoff
 * within the deadline. Never throws for a service failure.
 *
 * @throws InvalidOptionsError for an empty `bucketName` or invalid concurrency or retry options
 *
 * @example
 * ```ts
 * const { failed } = await quarantineRecords(s3, { bucketName: config.QUARANTINE_BUCKET_NAME, records, deadline });
 * // records that could not be quarantined must be retried by Lambda, never dropped
 * batchItemFailures.push(...failed.map(({ record }) => ({ itemIdentifier: record.origin.sequenceNumber })));
 * ```
 */
export async function quarantineRecords(client: S3Client, input: QuarantineRecordsInput): Promise<QuarantineResult> {
  if (input.bucketName === '') throw new InvalidOptionsError('bucketName must not be empty');
  const { bucketName, deadline, retry, sleep, random } = input;
  const outcomes = await mapWithConcurrency(input.records, input.concurrency ?? DEFAULT_QUARANTINE_CONCURRENCY, async (record) => {
    const valid = QuarantineRecordSchema.safeParse(record);
    if (!valid.success) {
      const reason = `InvalidQuarantineRecord: ${valid.error.message}`;
      return { ok: false as const, retryable: false, code: 'Invalid' as const, reason, cause: valid.error };
    }
    return callWithRetry(
      (abortSignal) =>
        client.send(
          new PutObjectCommand({
            Bucket: bucketName,
            Key: quarantineObjectKey(record),
            Body: JSON.stringify(record),
            ContentType: 'application/json',
          }),
          { abortSignal },
        ),
      { deadline, retry, sleep, random },
    );
  });
  const result: QuarantineResult = { stored: [], failed: [] };
  outcomes.forEach((outcome, index) => {
    const record = input.records[index] as QuarantineRecord;
    if (outcome.ok) result.stored.push(record);
    else result.failed.push({ record, retryable: outcome.retryable, code: outcome.code, reason: outcome.reason, cause: outcome.cause });
  });
  return result;
}

/**
 * Lists the keys of quarantined objects, page by page (ListObjectsV2), optionally under a
 * prefix such as `kinesis-ddb-writer/` or `kinesis-ddb-writer/unicorn-telemetry-clean/2026/11/`.
 *
 * @example
 * ```ts
 * for await (const key of listQuarantined(s3, { bucketName, prefix: 'kinesis-ddb-writer/' })) {
 *   const record = await readQuarantined(s3, { bucketName, key });
 * }
 * ```
 */
export async function* listQuarantined(
  client: S3Client,
  input: { bucketName: string; prefix?: string },
): AsyncGenerator<string, void, undefined> {
  const pages = paginateListObjectsV2({ client }, { Bucket: input.bucketName, Prefix: input.prefix });
  for await (const page of pages) {
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) yield object.Key;
    }
  }
}

/**
 * Reads one quarantined object back as a validated {@link QuarantineRecord}.
 *
 * @throws InvalidQuarantinedObjectError when the object is empty, not JSON, or not a record
 * @throws the SDK's error when S3 fails (for example `NoSuchKey`)
 *
 * @example
 * ```ts
 * const record = await readQuarantined(s3, { bucketName, key });
 * ```
 */
export async function readQuarantined(
  client: S3Client,
  input: { bucketName: string; key: string },
): Promise<QuarantineRecord> {
  const response = await client.send(new GetObjectCommand({ Bucket: input.bucketName, Key: input.key }));
  const body = await response.Body?.transformToString('utf-8');
  if (body === undefined || body === '') {
    throw new InvalidQuarantinedObjectError(`Quarantined object ${input.key} is empty`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new InvalidQuarantinedObjectError(`Quarantined object ${input.key} is not JSON`, { cause: error });
  }
  const parsed = QuarantineRecordSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidQuarantinedObjectError(`Quarantined object ${input.key} is not a quarantine record`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * Deletes one quarantined object, once its record has been re-driven. Deleting a key that is
 * already gone succeeds (S3 semantics), so a re-drive that is run twice is harmless.
 *
 * @example
 * ```ts
 * await deleteQuarantined(s3, { bucketName, key });
 * ```
 */
export async function deleteQuarantined(client: S3Client, input: { bucketName: string; key: string }): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: input.bucketName, Key: input.key }));
}
