/** A token of a wildcard value as Event Ruler's byte machine reads it: a byte (0-255) or {@link STAR}. */
export type WildcardToken = number;

/** The `*` token (any run of bytes, including none). */
export const STAR: WildcardToken = -1;

/**
 * One pattern that carries complexity: a `wildcard` operand (one value) or an
 * `anything-but` `wildcard` operand (one or more values), each value already tokenised.
 */
export interface ComplexityPattern {
  readonly values: readonly (readonly WildcardToken[])[];
}

interface TrieNode {
  readonly id: number;
  readonly children: Map<WildcardToken, TrieNode>;
  /** Reached through a `*`: a further byte may stay here. */
  readonly endsWithStar: boolean;
  /** The distinct patterns with a value through this prefix. */
  readonly patterns: Set<number>;
}

/**
 * The complexity Event Ruler's `MachineComplexityEvaluator` gives one byte machine holding these
 * patterns: the most "wildcard rule prefixes" a single worst-case input can match at once. Every
 * prefix of every value (cut at any token, `*` included) is a state of the machine; after reading
 * an input, the states whose prefix matches the whole input are live, and each live state counts
 * the distinct patterns that have a value through it. The answer is the maximum of that sum over
 * all inputs, found by a breadth-first walk of the reachable sets of live states (the subset
 * construction the evaluator walks), stopped at `cap` as the evaluator stops at its threshold.
 *
 * @example
 * ```ts
 * // Event Ruler's own test: "a*aaa" and "aa*aa" are matched 7 times by "aaaa"
 * machineComplexity([tokens('a*aaa'), tokens('aa*aa')].map((value) => ({ values: [value] })), 100); // 7
 * ```
 */
export function machineComplexity(patterns: readonly ComplexityPattern[], cap: number): number {
  const nodes: TrieNode[] = [];
  const root = newNode(nodes, false);
  patterns.forEach((pattern, index) => {
    for (const value of pattern.values) insertValue(nodes, root, value, index);
  });
  const alphabet = alphabetOf(nodes);
  const start = closure([root]);
  const seen = new Set<string>([keyOf(start)]);
  const queue: TrieNode[][] = [start];
  let worst = 0;
  for (let head = 0; head < queue.length; head += 1) {
    const live = queue[head] ?? [];
    const size = live.reduce((sum, node) => sum + (node === root ? 0 : node.patterns.size), 0);
    if (size >= cap) return cap;
    worst = Math.max(worst, size);
    for (const byte of alphabet) {
      const next = closure(step(live, byte));
      const key = keyOf(next);
      if (next.length > 0 && !seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return worst;
}

function newNode(nodes: TrieNode[], endsWithStar: boolean): TrieNode {
  const node: TrieNode = { id: nodes.length, children: new Map(), endsWithStar, patterns: new Set() };
  nodes.push(node);
  return node;
}

function insertValue(nodes: TrieNode[], root: TrieNode, value: readonly WildcardToken[], pattern: number): void {
  let node = root;
  for (const token of value) {
    let child = node.children.get(token);
    if (child === undefined) {
      child = newNode(nodes, token === STAR);
      node.children.set(token, child);
    }
    child.patterns.add(pattern);
    node = child;
  }
}

/** Every byte some state waits for, plus one byte no state waits for (standing for all the others). */
function alphabetOf(nodes: readonly TrieNode[]): number[] {
  const bytes = new Set<number>();
  for (const node of nodes) {
    for (const token of node.children.keys()) if (token !== STAR) bytes.add(token);
  }
  const other = Array.from({ length: 256 }, (_, byte) => byte).find((byte) => !bytes.has(byte));
  return other === undefined ? [...bytes] : [...bytes, other];
}

/** A `*` may match nothing: a state before a `*` is also the state after it. */
function closure(states: readonly TrieNode[]): TrieNode[] {
  const live = new Map<number, TrieNode>();
  const pending = [...states];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (live.has(node.id)) continue;
    live.set(node.id, node);
    const afterStar = node.children.get(STAR);
    if (afterStar !== undefined) pending.push(afterStar);
  }
  return [...live.values()].sort((left, right) => left.id - right.id);
}

function step(live: readonly TrieNode[], byte: number): TrieNode[] {
  const next: TrieNode[] = [];
  for (const node of live) {
    const child = node.children.get(byte);
    if (child !== undefined) next.push(child);
    if (node.endsWithStar) next.push(node);
  }
  return next;
}

function keyOf(states: readonly TrieNode[]): string {
  return states.map((node) => node.id).join(',');
}
