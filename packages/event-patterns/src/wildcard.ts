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
 * before anything else, a trailing backslash and two consecutive wildcards (`**`) are refused.
 *
 * @example
 * ```ts
 * parseWildcard('dir/*.png');  // { pattern: { segments: ['dir/', '.png'] } }
 * parseWildcard('a**b');       // { error: 'consecutive wildcard characters at position 1 ...' }
 * ```
 */
export function parseWildcard(text: string): { readonly pattern: WildcardPattern } | { readonly error: string } {
  const segments: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '*') {
      if (text[index + 1] === '*') {
        return { error: `consecutive wildcard characters at position ${index} of "${text}" are not allowed` };
      }
      segments.push(current);
      current = '';
    } else if (character === '\\') {
      const next = text[index + 1];
      if (next !== '*' && next !== '\\') {
        return {
          error: `invalid escape at position ${index} of "${text}": a backslash may only escape "*" or "\\"`,
        };
      }
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
