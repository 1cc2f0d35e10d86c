import * as z from 'zod/mini';
import { integerSetting, parseEnvironment, requiredString } from '@wildrydes/schemas';

/** The consumer's environment, validated once per container. */
export const ConsumerConfigSchema = z.object({
  /** The fleet read model, this function's own DynamoDB table. */
  READ_MODEL_TABLE_NAME: requiredString(),
  /** Time kept back from the invocation's remaining time for logging and returning, in ms. */
  DEADLINE_SAFETY_MARGIN_MS: integerSetting({ min: 0, max: 60_000, default: 1_000 }),
});
export type ConsumerConfig = z.infer<typeof ConsumerConfigSchema>;

/** Reads and validates the consumer's configuration; throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConsumerConfig {
  return parseEnvironment(ConsumerConfigSchema, env);
}
