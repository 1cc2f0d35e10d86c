/**
 * EventBridge's event-pattern language: {@link validatePattern} rejects what EventBridge rejects
 * (with the path and reason), {@link parsePattern} / {@link compilePattern} compile a pattern once
 * for hot paths, {@link matchesPattern} answers one-off questions.
 *
 * Semantics follow the EventBridge user guide; where it is silent they follow EventBridge's
 * matching engine, and the remaining choices are:
 * - A field holding an object or an empty array has no leaf value: `exists: false` holds and
 *   every other operator fails there. `null` is a present value.
 * - A nested pattern over an array of objects must match inside one element. One made only of
 *   `exists: false` must hold in every element (the field is absent everywhere); next to a
 *   positive condition, absence is checked in the element that condition selects.
 * - `anything-but` needs the field to exist, and then matches every value not excluded,
 *   including `null`, booleans and values of the other type.
 * - Dotted field names are names, not paths (`"a.b"` does not reach `{ "a": { "b": ... } }`).
 * - Wildcard complexity is estimated (see `MAX_WILDCARD_COMPLEXITY`); the guide gives no formula.
 * - `cidr` refuses `/32` and `/128` and keeps host bits, as EventBridge's engine does.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './types.js';
export { CompiledEventPattern, parsePattern } from './parse-pattern.js';
export * from './validate-pattern.js';
export * from './compile-pattern.js';
export * from './matches-pattern.js';
