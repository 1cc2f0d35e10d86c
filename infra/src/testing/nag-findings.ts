import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';

/** A cdk-nag suppression as recorded in a template's metadata. */
export interface NagSuppression {
  readonly id: string;
  readonly reason: string;
  readonly applies_to?: unknown[];
}

/**
 * The unsuppressed AwsSolutions findings of a stack whose app has `applyNagChecks` applied
 * (synthesizes the app).
 *
 * @example
 * ```ts
 * applyNagChecks(app);
 * expect(nagFindings(stack)).toEqual({ errors: [], warnings: [] });
 * ```
 */
export function nagFindings(stack: Stack): { errors: string[]; warnings: string[] } {
  const annotations = Annotations.fromStack(stack);
  const describeFinding = (finding: SynthesisMessage) =>
    `${finding.id}: ${/^AwsSolutions-[A-Za-z0-9]+(\[[^\]]*\])?/.exec(String(finding.entry.data))?.[0] ?? String(finding.entry.data)}`;
  return {
    errors: annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')).map(describeFinding),
    warnings: annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')).map(describeFinding),
  };
}

/** Every cdk-nag suppression recorded in a stack's template. */
export function nagSuppressions(stack: Stack): NagSuppression[] {
  const resources = Template.fromStack(stack).toJSON()['Resources'] as Record<string, { Metadata?: Record<string, unknown> }>;
  return Object.values(resources).flatMap(
    (resource) => (resource.Metadata?.['cdk_nag'] as { rules_to_suppress?: NagSuppression[] } | undefined)?.rules_to_suppress ?? [],
  );
}

/**
 * The suppressions that are not properly justified: a reason shorter than 40 characters, or an
 * IAM4/IAM5 suppression that does not name the findings it covers (`appliesTo`).
 */
export function unjustifiedNagSuppressions(stack: Stack): NagSuppression[] {
  return nagSuppressions(stack).filter(
    (suppression) =>
      suppression.reason.length <= 40 ||
      ((suppression.id === 'AwsSolutions-IAM5' || suppression.id === 'AwsSolutions-IAM4') && !suppression.applies_to),
  );
}
