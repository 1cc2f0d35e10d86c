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


/** One `AWS::CloudWatch::Alarm` of a template and where it sends its state changes. */
export interface AlarmNotificationsJson {
  readonly logicalId: string;
  readonly alarmActions?: unknown;
  readonly okActions?: unknown;
}

/**
 * Every alarm of a template with its `AlarmActions` and `OKActions`, so a test can walk them all:
 * no alarm may be left without the topic.
 *
 * @example
 * ```ts
 * const topic = { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.alarmTopicArn) };
 * for (const alarm of alarmNotifications(template)) {
 *   expect(alarm).toEqual({ logicalId: alarm.logicalId, alarmActions: [topic], okActions: [topic] });
 * }
 * ```
 */
export function alarmNotifications(template: Template): AlarmNotificationsJson[] {
  return Object.entries(template.findResources('AWS::CloudWatch::Alarm')).map(([logicalId, alarm]) => {
    const properties = alarm['Properties'] as { AlarmActions?: unknown; OKActions?: unknown };
    return { logicalId, alarmActions: properties.AlarmActions, okActions: properties.OKActions };
  });
}

/**
 * The IAM statements' resources that point into the bucket whose ARN the template reads from
 * the SSM parameter `bucketArnPath`, each with the statement's actions.
 *
 * @example
 * ```ts
 * grantsOnBucket(template, PLATFORM_PARAMETERS.failureBucketArn);
 * // [{ actions: ['s3:PutObject'], resource: { 'Fn::Join': ['', [{ Ref: '...' }, '/aws/lambda/*']] } }, ...]
 * ```
 */
export function grantsOnBucket(template: Template, bucketArnPath: string): Array<{ readonly actions: string[]; readonly resource: unknown }> {
  const parameter = parameterIdFor(template, bucketArnPath);
  if (parameter === undefined) return [];
  const refersToBucket = (resource: unknown): boolean => JSON.stringify(resource).includes(`{"Ref":"${parameter}"}`);
  return policyStatements(template).flatMap((statement) =>
    [statement.Resource].flat().filter(refersToBucket).map((resource) => ({ actions: actionsOf(statement), resource })),
  );
}
