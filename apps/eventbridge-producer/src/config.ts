import * as z from 'zod/mini';
import { integerSetting, parseEnvironment, requiredString } from '@wildrydes/schemas';

/** One mebibyte, the unit of the size settings' defaults. */
const MIB = 1024 * 1024;

/** The producer's environment, validated once per container. */
export const ProducerConfigSchema = z.object({
  /** The platform bus the ride events are published to. */
  EVENT_BUS_NAME: requiredString(),
  /**
   * Largest request body accepted, in bytes (after base64 decoding); larger bodies get 413.
   * A Function URL refuses requests over 6 MB itself, so the setting cannot go above that.
   */
  MAX_BODY_BYTES: integerSetting({ min: 1_024, max: 6 * MIB, default: MIB }),
  /** Most entries one request may carry; more get 413 (split the batch). */
  MAX_ENTRIES_PER_REQUEST: integerSetting({ min: 1, max: 1_000, default: 100 }),
  /**
   * Largest PutEvents entry, in bytes as EventBridge counts them; larger entries get 413. AWS's
   * limit is 1 MiB since January 2026; set 262144 where the old 256 KB limit still applies.
   */
  MAX_EVENT_ENTRY_BYTES: integerSetting({ min: 256, max: MIB, default: MIB }),
  /** Time kept back from the invocation's remaining time for answering the caller, in ms. */
  DEADLINE_SAFETY_MARGIN_MS: integerSetting({ min: 0, max: 60_000, default: 1_000 }),
});
export type ProducerConfig = z.infer<typeof ProducerConfigSchema>;

/** Reads and validates the producer's configuration; throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ProducerConfig {
  return parseEnvironment(ProducerConfigSchema, env);
}
