import { isPlainObject, type CompileContext } from './compile-context.js';
import { compileObject } from './compile-tree.js';
import { checkRuleComplexity } from './complexity-limit.js';
import type { CompiledNode } from './compiled.js';
import { InvalidEventPatternError } from './errors.js';
import { evaluateNode } from './evaluate.js';
import type { EventPattern } from './types.js';

/**
 * A validated, compiled event pattern. Build it once with {@link parsePattern} and call
 * {@link CompiledEventPattern.matches} for every event: nothing is parsed or validated again.
 *
 * @example
 * ```ts
 * const rule = parsePattern('{ "source": ["wildrydes.fleet"], "detail": { "healthPoints": [{ "numeric": ["<", 20] }] } }');
 * rule.matches({ source: 'wildrydes.fleet', detail: { healthPoints: 12 } }); // true
 * rule.pattern.source; // ['wildrydes.fleet'] (a frozen copy of the pattern)
 * ```
 */
export class CompiledEventPattern {
  /** A deep-frozen copy of the validated pattern, for logging or re-serialising. */
  public readonly pattern: EventPattern;
  readonly #root: CompiledNode;

  /** @internal Use {@link parsePattern}. */
  public constructor(pattern: EventPattern, root: CompiledNode) {
    this.pattern = pattern;
    this.#root = root;
  }

  /**
   * Whether a parsed event matches. Fields the pattern does not name are ignored; an event that
   * is not a JSON object has no fields, so only `exists: false` conditions can hold for it.
   */
  public matches(event: unknown): boolean {
    return evaluateNode(this.#root, isPlainObject(event) ? event : undefined);
  }
}

/**
 * Validates an event pattern (an object, or its JSON text) against every rule EventBridge
 * enforces, and compiles it for fast matching.
 *
 * @throws {@link InvalidEventPatternError} naming the path and the problem.
 * @example
 * ```ts
 * const lowHealth = parsePattern({ 'detail-type': ['UnicornHealthLow'] });
 * events.filter((event) => lowHealth.matches(event));
 * ```
 */
export function parsePattern(pattern: unknown): CompiledEventPattern {
  if (pattern instanceof CompiledEventPattern) return pattern;
  const source = typeof pattern === 'string' ? parseJson(pattern) : pattern;
  const context: CompileContext = { path: '', insideOr: false };
  const root = compileObject(source, context);
  checkRuleComplexity(source as Record<string, unknown>);
  return new CompiledEventPattern(deepFreeze(structuredClone(source)) as EventPattern, root);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidEventPatternError('', `the pattern is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
