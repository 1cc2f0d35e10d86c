import * as z from 'zod/mini';
import { UnicornHealthLowV1Schema } from './unicorn-health-low.js';
import { HealthRevisionSchema } from './health-observation.js';
import { EventMetadataSchema } from './metadata.js';

const low = UnicornHealthLowV1Schema.shape;

/**
 * v1: a stored reading at or above the threshold follows a low one: the unicorn's health is
 * back. `statusTime` and `healthPoints` are those of the healthy reading; `revision` orders it
 * against other observations of the same reading.
 */
export const UnicornHealthRestoredV1Schema = z.object({
  metadata: z.extend(EventMetadataSchema, { schemaVersion: z.literal(1) }),
  unicorn: low.unicorn,
  statusTime: low.statusTime,
  healthPoints: low.healthPoints,
  threshold: low.threshold,
  revision: HealthRevisionSchema,
});
export type UnicornHealthRestoredV1 = z.infer<typeof UnicornHealthRestoredV1Schema>;
