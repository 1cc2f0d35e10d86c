import { InvalidOptionsError } from './errors.js';

/**
 * Throws {@link InvalidOptionsError} unless `value` is an integer >= `min`.
 *
 * @example
 * ```ts
 * requireIntegerAtLeast('concurrency', options.concurrency, 1);
 * ```
 */
export function requireIntegerAtLeast(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidOptionsError(`${name} must be an integer >= ${min} (given ${String(value)})`);
  }
}

/**
 * Throws {@link InvalidOptionsError} unless `value` is a finite number >= 0.
 *
 * @example
 * ```ts
 * requireNonNegativeMs('safetyMarginMs', 500);
 * ```
 */
export function requireNonNegativeMs(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new InvalidOptionsError(`${name} must be a finite number of milliseconds >= 0 (given ${String(value)})`);
  }
}
