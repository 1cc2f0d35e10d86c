import type { Template } from 'aws-cdk-lib/assertions';

/** One statement of an IAM policy document, as CloudFormation JSON. */
export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/**
 * Every statement of every `AWS::IAM::Policy` in a template, in template order.
 *
 * @example
 * ```ts
 * const actions = policyStatements(template).flatMap(actionsOf);
 * expect(actions.some((action) => action.includes('*'))).toBe(false);
 * ```
 */
export function policyStatements(template: Template): PolicyStatementJson[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => (policy['Properties'] as { PolicyDocument: { Statement: PolicyStatementJson[] } }).PolicyDocument.Statement,
  );
}

/** The actions of a statement, always as a list. */
export const actionsOf = (statement: PolicyStatementJson): string[] => [statement.Action].flat();

/**
 * The logical ID of the template parameter whose default is `path`: how a function stack reads a
 * platform SSM parameter (`PlatformImports.fromParameters`), so `{ Ref: id }` is its value.
 * `undefined` when the stack does not read that parameter.
 *
 * @example
 * ```ts
 * const bus = parameterIdFor(template, PLATFORM_PARAMETERS.eventBusName);
 * template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: { EVENT_BUS_NAME: { Ref: bus } } } });
 * ```
 */
export function parameterIdFor(template: Template, path: string): string | undefined {
  const parameters = (template.toJSON()['Parameters'] ?? {}) as Record<string, { Default?: unknown }>;
  return Object.entries(parameters).find(([, parameter]) => parameter.Default === path)?.[0];
}

