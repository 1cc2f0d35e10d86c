import * as z from 'zod/mini';

/**
 * The revision of a health observation: the DynamoDB stream `SequenceNumber` of the table change
 * that caused the event (21 to 40 decimal digits, per the DynamoDB Streams API reference,
 * StreamRecord). Two observations of the same reading (the same `statusTime`) are ordered by it,
 * compared as numbers: the one caused by the later change wins. Sequence numbers of one item
 * grow with each change, and one unicorn's readings share a partition key, so they share a shard.
 */
export const HealthRevisionSchema = z.string().check(z.regex(/^\d{1,40}$/, 'must be a stream sequence number: 1 to 40 decimal digits'));

/** The fixed width revisions are padded to, so that string order is numeric order. */
export const HEALTH_REVISION_DIGITS = 40;

/**
 * A revision padded with leading zeros to {@link HEALTH_REVISION_DIGITS} digits, for storing
 * and comparing as a string (a DynamoDB number holds only 38 digits).
 *
 * @example
 * ```ts
 * comparableRevision('100000000000000000001'); // '0000000000000000000100000000000000000001'
 * comparableRevision(undefined); // '0000000000000000000000000000000000000000' (older than any revision)
 * ```
 */
export function comparableRevision(revision: string | undefined): string {
  return (revision ?? '').padStart(HEALTH_REVISION_DIGITS, '0');
}
