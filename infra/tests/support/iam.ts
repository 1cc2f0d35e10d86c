import type { Template } from 'aws-cdk-lib/assertions';

export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every statement of every AWS::IAM::Policy in the template. */
export function policyStatements(template: Template): PolicyStatementJson[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) => {
    const document = (policy['Properties'] as { PolicyDocument: { Statement: PolicyStatementJson[] } }).PolicyDocument;
    return document.Statement;
  });
}

/** The actions of a statement as an array. */
export const actionsOf = (statement: PolicyStatementJson): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
