import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { CleanTelemetryReadingSchema, parseWithEnglishIssues, type CleanTelemetryReading } from '@wildrydes/schemas';
import { imageToPlain, type StreamImage } from './stream-image.js';

/** The identity of a stored reading: the table's key. */
export interface ReadingKey {
  readonly unicorn: string;
  readonly statusTime: string;
}

/** Where a change came from: what makes its events' ids deterministic, and when it happened. */
export interface ChangeOrigin {
  /** The stream record's `eventID`: unique per change, the same on every redelivery. */
  readonly changeId: string;
  /** `dynamodb.SequenceNumber`: what Lambda takes back in `batchItemFailures`. */
  readonly sequenceNumber: string;
  /** `dynamodb.ApproximateCreationDateTime`. */
  readonly occurredAt: Date;
}

/** A change of the `UnicornSensorData` table, with its images validated as clean readings. */
export type TableChange =
  | { readonly kind: 'INSERT'; readonly key: ReadingKey; readonly origin: ChangeOrigin; readonly after: CleanTelemetryReading }
  | {
      readonly kind: 'MODIFY';
      readonly key: ReadingKey;
      readonly origin: ChangeOrigin;
      readonly before: CleanTelemetryReading;
      readonly after: CleanTelemetryReading;
    }
  | { readonly kind: 'REMOVE'; readonly key: ReadingKey; readonly origin: ChangeOrigin; readonly expired: boolean };

/**
 * Why a stream record can never produce an event. Redelivering it would not help: the images
 * are in the stream as they are.
 * - `MALFORMED_RECORD`: not a DynamoDB stream record as Lambda delivers one (no eventID,
 *   sequence number, creation time, or an unknown eventName).
 * - `INVALID_IMAGE`: an image the change needs is missing or is not a clean telemetry reading
 *   (an item written around the pipeline, or a stream view type without images).
 */
export type SkipReason = 'MALFORMED_RECORD' | 'INVALID_IMAGE';

export type DecodedChange =
  | { readonly ok: true; readonly change: TableChange }
  | { readonly ok: false; readonly reason: SkipReason; readonly detail: string };

const ReadingKeySchema = z.pick(CleanTelemetryReadingSchema, { Name: true, StatusTime: true });

/** DynamoDB's TTL deletes items as this service principal. */
const TTL_PRINCIPAL = 'dynamodb.amazonaws.com';

/**
 * Decodes one DynamoDB stream record of `UnicornSensorData` into a {@link TableChange}, or says
 * why it can never produce an event. Pure: no I/O, never throws.
 *
 * INSERT needs a clean `NewImage`, MODIFY clean `OldImage` and `NewImage`; REMOVE needs only the
 * record's `Keys`, so a removal is announced even when the removed item was not clean.
 */
export function decodeChange(record: DynamoDBRecord): DecodedChange {
  const stream = record.dynamodb;
  const changeId = record.eventID;
  const sequenceNumber = stream?.SequenceNumber;
  const creationSeconds = stream?.ApproximateCreationDateTime;
  if (!changeId || !sequenceNumber || typeof creationSeconds !== 'number' || !Number.isFinite(creationSeconds)) {
    return malformed('the record lacks eventID, dynamodb.SequenceNumber or dynamodb.ApproximateCreationDateTime');
  }
  const origin: ChangeOrigin = { changeId, sequenceNumber, occurredAt: new Date(creationSeconds * 1000) };

  switch (record.eventName) {
    case 'INSERT': {
      const after = reading('NewImage', stream?.NewImage);
      if (!after.ok) return after;
      return { ok: true, change: { kind: 'INSERT', key: keyOf(after.reading), origin, after: after.reading } };
    }
    case 'MODIFY': {
      const before = reading('OldImage', stream?.OldImage);
      if (!before.ok) return before;
      const after = reading('NewImage', stream?.NewImage);
      if (!after.ok) return after;
      return { ok: true, change: { kind: 'MODIFY', key: keyOf(after.reading), origin, before: before.reading, after: after.reading } };
    }
    case 'REMOVE': {
      const keys = parseWithEnglishIssues(ReadingKeySchema, imageToPlain(stream?.Keys ?? {}));
      if (!keys.ok) return { ok: false, reason: 'INVALID_IMAGE', detail: `Keys: ${keys.detail}` };
      return { ok: true, change: { kind: 'REMOVE', key: keyOf(keys.data), origin, expired: removedByTtl(record.userIdentity) } };
    }
    default:
      return malformed(`unknown eventName ${JSON.stringify(record.eventName)}`);
  }
}

function reading(
  imageName: 'NewImage' | 'OldImage',
  image: StreamImage | undefined,
): { ok: true; reading: CleanTelemetryReading } | { ok: false; reason: SkipReason; detail: string } {
  if (image === undefined) return { ok: false, reason: 'INVALID_IMAGE', detail: `${imageName} is missing (is the stream view NEW_AND_OLD_IMAGES?)` };
  const parsed = parseWithEnglishIssues(CleanTelemetryReadingSchema, imageToPlain(image));
  if (!parsed.ok) return { ok: false, reason: 'INVALID_IMAGE', detail: `${imageName}: ${parsed.detail}` };
  return { ok: true, reading: parsed.data };
}

function keyOf(item: { Name: string; StatusTime: string }): ReadingKey {
  return { unicorn: item.Name, statusTime: item.StatusTime };
}

function malformed(detail: string): DecodedChange {
  return { ok: false, reason: 'MALFORMED_RECORD', detail };
}

/** A removal by TTL carries `userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }`. */
function removedByTtl(userIdentity: unknown): boolean {
  if (typeof userIdentity !== 'object' || userIdentity === null) return false;
  const identity = userIdentity as { type?: unknown; principalId?: unknown };
  return identity.type === 'Service' && identity.principalId === TTL_PRINCIPAL;
}
