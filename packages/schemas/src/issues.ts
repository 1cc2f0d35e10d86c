import type { core } from 'zod/mini';

/**
 * Renders zod issues as one line a human can act on: `path: message; path: message`.
 *
 * @example
 * ```ts
 * const result = CleanTelemetryReadingSchema.safeParse(input);
 * if (!result.success) throw new Error(formatIssues(result.error.issues));
 * ```
 */
export function formatIssues(issues: readonly core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
