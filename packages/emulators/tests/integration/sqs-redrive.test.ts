import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand, SQSServiceException } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { sqsForEachTest } from './sqs-helpers';

describe('SQS emulator: redrive policy ("Using dead-letter queues in Amazon SQS")', () => {
  const local = sqsForEachTest();
  const { createQueue } = local;
  const dlqArn = 'arn:aws:sqs:us-east-1:000000000000:rides-dlq';

  const receive = (QueueUrl: string) =>
    local.client.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }));

  it('moves a message to the dead-letter queue on the receive that would exceed maxReceiveCount, keeping its id, body, attributes and sent time', async () => {
    // Prepare
    const dlqUrl = await createQueue('rides-dlq');
    const QueueUrl = await createQueue('rides', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }) });
    const sent = await local.client.send(
      new SendMessageCommand({ QueueUrl, MessageBody: 'poison', MessageAttributes: { origin: { DataType: 'String', StringValue: 'eventbridge' } } }),
    );
    const first = await receive(QueueUrl);
    const second = await receive(QueueUrl);

    // Act
    const third = await receive(QueueUrl);
    const moved = await receive(dlqUrl);

    // Assess
    expect(first.Messages?.[0]?.Attributes?.['ApproximateReceiveCount']).toBe('1');
    expect(second.Messages?.[0]?.Attributes?.['ApproximateReceiveCount']).toBe('2');
    expect(third.Messages).toBeUndefined();
    expect(local.sqs.depth('rides')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(moved.Messages).toHaveLength(1);
    expect(moved.Messages![0]).toMatchObject({
      MessageId: sent.MessageId,
      Body: 'poison',
      MessageAttributes: { origin: { DataType: 'String', StringValue: 'eventbridge' } },
      Attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: first.Messages![0]!.Attributes!['SentTimestamp'],
        DeadLetterQueueSourceArn: 'arn:aws:sqs:us-east-1:000000000000:rides',
      },
    });
  });

  it('SetQueueAttributes adds and removes a redrive policy, and GetQueueAttributes answers it as SQS writes it', async () => {
    // Prepare
    await createQueue('rides-dlq');
    const QueueUrl = await createQueue('rides', { VisibilityTimeout: '0' });
    await local.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));

    // Act
    await local.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '1' }) } }));
    const withPolicy = await local.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['RedrivePolicy'] }));
    await local.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { RedrivePolicy: '' } }));
    await receive(QueueUrl);
    await receive(QueueUrl);

    // Assess
    expect(withPolicy.Attributes).toEqual({ RedrivePolicy: `{"deadLetterTargetArn":"${dlqArn}","maxReceiveCount":1}` });
    expect(local.sqs.depth('rides')).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(local.sqs.depth('rides-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('refuses a redrive policy whose target does not exist, or whose maxReceiveCount is outside 1..1000', async () => {
    // Prepare
    await createQueue('rides-dlq');

    // Act
    const missingTarget = await createQueue('a', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:nope', maxReceiveCount: 3 }) }).catch(
      (e: unknown) => e,
    );
    const zero = await createQueue('b', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 0 }) }).catch((e: unknown) => e);
    const notJson = await createQueue('c', { RedrivePolicy: '{' }).catch((e: unknown) => e);

    // Assess
    for (const error of [missingTarget, zero, notJson]) {
      expect(error).toBeInstanceOf(SQSServiceException);
      expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('for parameter RedrivePolicy is invalid') });
    }
    expect((missingTarget as Error).message).toContain('Dead letter target does not exist.');
    expect((zero as Error).message).toContain('valid values are from 1 to 1000 both inclusive');
    expect(local.sqs.queueNames()).toEqual(['rides-dlq']);
  });
});
