import { STAR, type WildcardToken } from './wildcard-complexity.js';

/**
 * A parsed `wildcard` operand: the literal text between unescaped `*` characters.
 * `segments.length - 1` is the number of wildcards.
 */
export interface WildcardPattern {
  readonly segments: readonly string[];
}

/**
 * Parses a `wildcard` operand, or returns the reason EventBridge refuses it. `*` matches any run
 * of characters (including none), `\*` is a literal star and `\\` a literal backslash; a backslash
 * before anything else, a trailing backslash and two consecutive wildcards (`**`) are refused,
 * with EventBridge's words and positions.
 *
 * @example
 * ```ts
 * parseWildcard('dir/*.png');  // { pattern: { segments: ['dir/', '.png'] } }
 * parseWildcard('a**b');       // { error: 'Consecutive wildcard characters at pos 2' }
 * ```
 */
export function parseWildcard(text: string): { readonly pattern: WildcardPattern } | { readonly error: string } {
  const segments: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '*') {
      if (text[index + 1] === '*') return { error: `Consecutive wildcard characters at pos ${ruleBytePosition(text, index)}` };
      segments.push(current);
      current = '';
    } else if (character === '\\') {
      const next = text[index + 1];
      if (next !== '*' && next !== '\\') return { error: `Invalid escape character at pos ${ruleBytePosition(text, index)}` };
      current += next;
      index += 1;
    } else {
      current += character;
    }
  }
  segments.push(current);
  return { pattern: { segments } };
}

/**
 * Where EventBridge's engine reports a problem at `index` of a wildcard operand: the UTF-8 byte
 * offset in the operand as it parses it, wrapped in double quotes (so one more than the index of
 * an ASCII operand).
 */
function ruleBytePosition(text: string, index: number): number {
  return 1 + UTF8.encode(text.slice(0, index)).length;
}

/**
 * Whether a string matches a parsed wildcard. Runs in linear time (the leftmost placement of each
 * literal segment is always a valid one for `*`-only globs), so hostile values cannot backtrack.
 */
export function matchesWildcard(pattern: WildcardPattern, value: string): boolean {
  const { segments } = pattern;
  const first = segments[0] ?? '';
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1] ?? '';
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  const end = value.length - last.length;
  let position = first.length;
  for (let index = 1; index < segments.length - 1; index += 1) {
    const segment = segments[index] ?? '';
    const found = value.indexOf(segment, position);
    if (found === -1 || found + segment.length > end) return false;
    position = found + segment.length;
  }
  return true;
}

const UTF8 = new TextEncoder();
const QUOTE = 0x22;

/**
 * The tokens Event Ruler's byte machine holds for a wildcard value: the UTF-8 bytes of the literal
 * text and {@link STAR} for each wildcard, between the double quotes the rule compiler wraps every
 * string value in (`"dir/*.png"`), which is why a trailing `*` adds a state of its own.
 *
 * @example
 * ```ts
 * wildcardTokens({ segments: ['a', ''] }); // [0x22, 0x61, STAR, 0x22]
 * ```
 */
export function wildcardTokens(pattern: WildcardPattern): WildcardToken[] {
  const tokens: WildcardToken[] = [QUOTE];
  pattern.segments.forEach((segment, index) => {
    if (index > 0) tokens.push(STAR);
    tokens.push(...UTF8.encode(segment));
  });
  tokens.push(QUOTE);
  return tokens;
}
