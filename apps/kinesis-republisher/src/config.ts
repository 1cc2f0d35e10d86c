import * as z from 'zod/mini';
import { integerSetting, parseEnvironment, requiredString } from '@wildrydes/schemas';

/** Kinesis stream names: 1 to 128 of a-z, A-Z, 0-9, `_`, `.` and `-` (a name, not an ARN). */
const streamName = () => z.string().check(z.regex(/^[a-zA-Z0-9_.-]{1,128}$/, 'must be a Kinesis stream name (not an ARN)'));

/** The re-publisher's environment, validated once per container. */
export const RepublisherConfigSchema = z.object({
  /** `unicorn-telemetry-clean`: where the clean readings are published. */
  TARGET_STREAM_NAME: streamName(),
  /** The S3 bucket poison records are quarantined in. */
  QUARANTINE_BUCKET_NAME: requiredString(),
  /** How far a reading's StatusTime may be ahead of its arrival in the raw stream, in seconds. */
  MAX_CLOCK_SKEW_SECONDS: integerSetting({ min: 0, max: 86_400, default: 300 }),
  /** Time kept back from the invocation's remaining time for answering Lambda, in ms. */
  DEADLINE_SAFETY_MARGIN_MS: integerSetting({ min: 0, max: 60_000, default: 1_500 }),
});
export type RepublisherConfig = z.infer<typeof RepublisherConfigSchema>;

/** Reads and validates the re-publisher's configuration; throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): RepublisherConfig {
  return parseEnvironment(RepublisherConfigSchema, env);
}
