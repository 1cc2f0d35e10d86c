import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/** Settings of the platform's customer-managed key. */
export interface PlatformKeyProps {
  /**
   * Keep this as long as any data encrypted with the key is kept: a deleted key makes the
   * retained table, bucket and streams unreadable.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The one customer-managed key (with yearly automatic rotation) that encrypts every platform
 * stream, table, bucket, bus and the function log groups.
 *
 * The key policy keeps CDK's default account-root statement, so IAM policies (the grants in
 * function stacks) decide who may use the key. Service principals are added only where a
 * service uses the key on its own behalf: EventBridge (added by `EventBus` and `Archive`
 * themselves), CloudWatch Logs (added here, limited to this account's and region's log
 * groups) and CloudWatch alarms publishing to the encrypted alarm topic (added by
 * `createAlarmTopic`, limited to this account's alarms). Kinesis, DynamoDB and S3 use the
 * caller's permissions (Lambda writes on-failure objects with the function's role) and need no
 * statement.
 *
 * @example
 * ```ts
 * const key = createPlatformKey(this, 'PlatformKey');
 * ```
 */
export function createPlatformKey(scope: Construct, id: string, props: PlatformKeyProps = {}): kms.Key {
  const key = new kms.Key(scope, id, {
    description: 'Wild Rydes platform: streams, table, quarantine bucket, event bus and function logs',
    enableKeyRotation: true,
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  });
  const stack = Stack.of(scope);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccountAndRegion',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
  return key;
}
