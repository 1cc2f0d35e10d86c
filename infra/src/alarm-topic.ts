import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { addAlarmEmailSubscription } from './alarm-email-subscription.js';

/** Settings of the platform's alarm topic. */
export interface AlarmTopicProps {
  /** The platform key: encrypts the topic (SSE-KMS); CloudWatch alarms are allowed to use it. */
  readonly key: kms.Key;
  /** The topic's physical name. */
  readonly topicName: string;
}

/**
 * The topic every alarm of every stack notifies (ALARM and OK): encrypted with the platform key,
 * TLS-only, and publishable by the CloudWatch alarms of this account and Region only.
 *
 * Two policies make CloudWatch's publishing work and keep it narrow, as the SNS Developer Guide
 * says for AWS services publishing to an encrypted topic ("Enable compatibility between event
 * sources from AWS services and encrypted topics"): the topic policy allows
 * `cloudwatch.amazonaws.com` to `sns:Publish`, and the key policy allows it `kms:Decrypt` and
 * `kms:GenerateDataKey*`; both only for alarms of this account (`aws:SourceAccount`) and Region
 * (`aws:SourceArn` `arn:<partition>:cloudwatch:<region>:<account>:alarm:*`), so no other account's
 * alarm can use CloudWatch as a confused deputy.
 *
 * Who is told: the address in the stack's `AlarmEmail` parameter, if not empty, is subscribed by
 * email (see {@link addAlarmEmailSubscription}); subscribe pagers or chat integrations yourself.
 *
 * @example
 * ```ts
 * const topic = createAlarmTopic(this, 'AlarmTopic', { key, topicName: 'wildrydes-alarms' });
 * ```
 */
export function createAlarmTopic(scope: Construct, id: string, props: AlarmTopicProps): sns.Topic {
  const stack = Stack.of(scope);
  const topic = new sns.Topic(scope, id, {
    topicName: props.topicName,
    displayName: 'Wild Rydes alarms',
    masterKey: props.key,
    enforceSSL: true,
  });
  const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
  const ofThisAccountsAlarms = {
    StringEquals: { 'aws:SourceAccount': stack.account },
    ArnLike: {
      'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
    },
  };
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsOfThisAccount',
      principals: [cloudWatch],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: ofThisAccountsAlarms,
    }),
  );
  props.key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
      principals: [cloudWatch],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: ofThisAccountsAlarms,
    }),
  );
  addAlarmEmailSubscription(topic);
  return topic;
}
