import * as z from 'zod/mini';
import { integerSetting, parseEnvironment, requiredString } from '@wildrydes/schemas';

/** The writer's environment, validated once per container. */
export const WriterConfigSchema = z.object({
  /** The `UnicornSensorData` table. */
  TABLE_NAME: requiredString(),
  /** The S3 bucket poison records are quarantined in. */
  QUARANTINE_BUCKET_NAME: requiredString(),
  /** Time kept back from the invocation's remaining time for answering Lambda, in ms. */
  DEADLINE_SAFETY_MARGIN_MS: integerSetting({ min: 0, max: 60_000, default: 1_500 }),
});
export type WriterConfig = z.infer<typeof WriterConfigSchema>;

/** Reads and validates the writer's configuration; throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): WriterConfig {
  return parseEnvironment(WriterConfigSchema, env);
}
