import { Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Runs the cdk-nag AWS Solutions rules on everything under `scope` (usually the app) at synth;
 * unsuppressed findings print as errors and warnings, and errors fail `cdk synth`.
 *
 * @example
 * ```ts
 * const app = new App();
 * new MyFunctionStack(app, 'MyFunction');
 * applyNagChecks(app);
 * ```
 */
export function applyNagChecks(scope: IConstruct): void {
  Aspects.of(scope).add(new AwsSolutionsChecks({ verbose: true }));
}

/**
 * Suppresses AwsSolutions-IAM5 for the two wildcard KMS actions that CDK's own grants
 * (`grantWrite`, `grantWriteData`, `grantPut`, `grantEncrypt`, ...) put next to the key ARN:
 * `kms:ReEncrypt*` and `kms:GenerateDataKey*`. Only those actions are covered; any other
 * wildcard under `scope` is still reported.
 *
 * @param scope the grantee (a function, role or construct holding them); its children are covered
 * @example
 * ```ts
 * platform.sensorTable.grantWriteData(consumer.fn);
 * suppressKmsGrantWildcards(consumer.role);
 * ```
 */
export function suppressKmsGrantWildcards(scope: IConstruct): void {
  NagSuppressions.addResourceSuppressions(
    scope,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'CDK KMS grants name kms:ReEncrypt* and kms:GenerateDataKey*; the statement is scoped to the single ' +
          'platform key ARN, and data keys are needed to write to the encrypted stream, table or bucket.',
        appliesTo: ['Action::kms:ReEncrypt*', 'Action::kms:GenerateDataKey*'],
      },
    ],
    true,
  );
}
