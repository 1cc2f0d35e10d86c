import { isPlainObject } from './compile-context.js';

/**
 * An event object with its dotted keys read as paths, as EventBridge's matching engine reads
 * them: it flattens an event to dotted paths, so `{ "state.status": "running" }` and
 * `{ "state": { "status": "running" } }` hold the same field. Returns the object itself when no
 * key has a dot (the usual case); otherwise a copy one level deep where `"a.b": v` has become
 * `"a": { "b": v }`, merged with what `"a"` already holds (deeper levels are expanded when
 * matching reaches them).
 *
 * @example
 * ```ts
 * expandDottedKeys({ 'state.status': 'running', state: { code: 16 } });
 * // { state: { code: 16, status: 'running' } }
 * ```
 */
export function expandDottedKeys(event: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(event);
  if (!keys.some((key) => key.includes('.'))) return event;
  const expanded = emptyObject();
  for (const key of keys) {
    const dot = key.indexOf('.');
    if (dot === -1) put(expanded, key, event[key]);
    else put(expanded, key.slice(0, dot), objectWith(key.slice(dot + 1), event[key]));
  }
  return expanded;
}

/** Objects without a prototype, so that keys such as `__proto__` stay ordinary fields. */
function emptyObject(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function objectWith(key: string, value: unknown): Record<string, unknown> {
  const object = emptyObject();
  object[key] = value;
  return object;
}

function put(target: Record<string, unknown>, key: string, value: unknown): void {
  target[key] = Object.hasOwn(target, key) ? combine(target[key], value) : value;
}

/**
 * Two values found at one path: objects merge field by field; an object joins the objects of an
 * array (each element gains its fields); anything else becomes a list of both values, which
 * matching treats like an array.
 */
function combine(first: unknown, second: unknown): unknown {
  if (isPlainObject(first) && isPlainObject(second)) {
    const merged = emptyObject();
    for (const [key, value] of Object.entries(first)) merged[key] = value;
    for (const [key, value] of Object.entries(second)) put(merged, key, value);
    return merged;
  }
  if (Array.isArray(first) && isPlainObject(second) && first.some(isPlainObject)) {
    return first.map((element: unknown) => (isPlainObject(element) ? combine(element, second) : element));
  }
  if (Array.isArray(second) && isPlainObject(first) && second.some(isPlainObject)) return combine(second, first);
  return [...(Array.isArray(first) ? first : [first]), ...(Array.isArray(second) ? second : [second])];
}
