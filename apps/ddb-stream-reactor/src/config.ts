import * as z from 'zod/mini';
import { TELEMETRY_RANGES, integerSetting, parseEnvironment, requiredString } from '@wildrydes/schemas';
import { DEFAULT_HEALTH_LOW_THRESHOLD } from './health.js';

/** EventBridge's PutEvents entry limit since January 2026 (it was 256 KB before). */
const PUT_EVENTS_ENTRY_LIMIT_BYTES = 1_048_576;

/** The reactor's environment, validated once per container. */
export const ReactorConfigSchema = z.object({
  /** The bus the domain events are published on. */
  EVENT_BUS_NAME: requiredString(),
  /** `UnicornSensorData`: the reactor reads a changed reading's neighbours from it to tell a recovery. */
  TABLE_NAME: requiredString(),
  /** Where records whose events can never be published are quarantined (the platform's bucket). */
  QUARANTINE_BUCKET_NAME: requiredString(),
  /**
   * A reading is "low" when its HealthPoints are below this. The deployed value comes from the
   * declaration, which derives the event-source filter from the same constant.
   */
  HEALTH_LOW_THRESHOLD: integerSetting({ min: 1, max: TELEMETRY_RANGES.healthPoints.max, default: DEFAULT_HEALTH_LOW_THRESHOLD }),
  /**
   * Largest PutEvents entry, as EventBridge counts it; larger events fail with EntryTooLarge.
   * Lower it for an account or region that still has the 256 KB limit.
   */
  MAX_EVENT_ENTRY_BYTES: integerSetting({ min: 1, max: PUT_EVENTS_ENTRY_LIMIT_BYTES, default: PUT_EVENTS_ENTRY_LIMIT_BYTES }),
  /** Time kept back from the invocation's remaining time for answering Lambda, in ms. */
  DEADLINE_SAFETY_MARGIN_MS: integerSetting({ min: 0, max: 60_000, default: 1_500 }),
});
export type ReactorConfig = z.infer<typeof ReactorConfigSchema>;

/** Reads and validates the reactor's configuration; throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ReactorConfig {
  return parseEnvironment(ReactorConfigSchema, env);
}
