/**
 * EventBridge's event-pattern language: {@link validatePattern} rejects what EventBridge rejects
 * (with the path and, where EventBridge's words are known, its reason), {@link parsePattern} /
 * {@link compilePattern} compile a pattern once for hot paths, {@link matchesPattern} answers
 * one-off questions.
 *
 * Semantics follow the EventBridge user guide; where it is silent they follow EventBridge's
 * matching engine (Event Ruler):
 * - Dotted keys are paths, in patterns and in events, because the engine flattens both to dotted
 *   paths: `{ "detail": { "state.status": ["running"] } }` matches
 *   `{ "detail": { "state": { "status": "running" } } }`, and a pattern on `state.status` nested
 *   matches an event key `"state.status"`. A path given twice keeps its later values.
 * - `cidr` covers the whole block: host bits are masked (`10.0.0.7/24` is 10.0.0.0-10.0.0.255);
 *   `/32` and `/128` are refused, as by the engine.
 * - "Rule is too complex" follows the engine's `MachineComplexityEvaluator` (`rule-complexity.ts`)
 *   with the limit in `MAX_RULE_COMPLEXITY`. It is computed only for patterns holding a wildcard,
 *   and exactly only where a bound cannot decide (`complexity-limit.ts`); a pattern whose rating
 *   needs more than `MAX_COMPLEXITY_SUB_RULES` `$or` combinations is refused the same way.
 *
 * The remaining choices are:
 * - A field holding an object or an empty array has no leaf value: `exists: false` holds and
 *   every other operator fails there. `null` is a present value.
 * - A nested pattern over an array of objects must match inside one element. One made only of
 *   `exists: false` must hold in every element (the field is absent everywhere); next to a
 *   positive condition, absence is checked in the element that condition selects.
 * - `anything-but` needs the field to exist, and then matches every value not excluded,
 *   including `null`, booleans and values of the other type.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './types.js';
export { CompiledEventPattern, parsePattern } from './parse-pattern.js';
export * from './validate-pattern.js';
export * from './compile-pattern.js';
export * from './matches-pattern.js';
