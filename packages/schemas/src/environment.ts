import * as z from 'zod/mini';
import { safeParseInEnglish } from './english-issues.js';

/** A function's environment does not satisfy its schema. */
export class ConfigurationError extends Error {
  constructor(
    message: string,
    readonly variables: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/**
 * Parses environment variables with a zod schema, once, at cold start. The error names every
 * offending variable with an English reason, e.g. `Environment variable TABLE_NAME is required`
 * or `Environment variable MAX_ATTEMPTS is invalid: Too big: expected number to be <=20`.
 *
 * @example
 * ```ts
 * const ConfigSchema = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) });
 * export const config = parseEnvironment(ConfigSchema); // reads process.env
 * ```
 */
export function parseEnvironment<TSchema extends z.ZodMiniObject>(
  schema: TSchema,
  env: Record<string, string | undefined> = process.env,
): z.infer<TSchema> {
  const result = safeParseInEnglish(schema, env);
  if (result.success) return result.data as z.infer<TSchema>;
  const variables = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')))];
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    return env[name] === undefined
      ? `Environment variable ${name} is required`
      : `Environment variable ${name} is invalid: ${issue.message}`;
  });
  throw new ConfigurationError(problems.join('; '), variables, { cause: result.error });
}

/** A required, non-empty environment variable. */
export const requiredString = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** An integer environment variable with bounds and a default used when it is unset. */
export const integerSetting = (options: { min: number; max: number; default: number }) =>
  z._default(
    z.pipe(
      z.string().check(z.regex(/^-?\d+$/, 'must be an integer')),
      z.pipe(z.transform((value: string) => Number(value)), z.int().check(z.gte(options.min), z.lte(options.max))),
    ),
    options.default,
  );
