import type { FunctionDeclaration, FunctionTrigger, FunctionTriggerType } from './declaration/types.js';
import { validateDeclaration } from './declaration/validate.js';
import { FunctionDeclarationError } from './errors.js';

/**
 * Validates a declaration for a construct that accepts only some trigger types, so a declaration
 * that bypassed the types (JSON, casts) fails naming the construct and the type given.
 *
 * @throws {FunctionDeclarationError} when the trigger type is not one of `triggerTypes`, or the
 *   declaration is invalid
 */
export function validateDeclarationOfKind<TTrigger extends FunctionTrigger>(
  declaration: FunctionDeclaration<TTrigger>,
  constructName: string,
  triggerTypes: readonly TTrigger['type'][],
): void {
  const type: unknown = (declaration.trigger as { type?: unknown } | undefined)?.type;
  if (!triggerTypes.includes(type as FunctionTriggerType)) {
    const expected = triggerTypes.map((t) => `"${t}"`).join(' or ');
    const given = typeof type === 'string' ? `"${type}"` : String(type);
    throw new FunctionDeclarationError(String(declaration.name), [
      `trigger.type must be ${expected} for ${constructName} (given ${given})`,
    ]);
  }
  validateDeclaration(declaration);
}
