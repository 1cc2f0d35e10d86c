import * as z from 'zod/mini';
import { boundedInt } from '../dynamodb-number.js';

/** The `source` values of Wild Rydes events on the bus. */
export const EVENT_SOURCES = {
  telemetry: 'wildrydes.telemetry',
  rides: 'wildrydes.rides',
} as const;

/**
 * Metadata every event's `detail` carries. `eventId` is deterministic (derived from what caused
 * the event), so a consumer can drop duplicates; `schemaVersion` names the detail's version in
 * the catalog, so consumers can accept several versions side by side.
 */
export const EventMetadataSchema = z.object({
  eventId: z.string().check(z.minLength(1), z.maxLength(256)),
  schemaVersion: boundedInt({ min: 1, max: 1_000 }),
  occurredAt: z.iso.datetime(),
});
export type EventMetadata = z.infer<typeof EventMetadataSchema>;
