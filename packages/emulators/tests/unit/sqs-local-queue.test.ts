import { describe, expect, it } from 'vitest';
import { LocalQueue, type NewMessage } from '../../src/sqs/local-queue';
import { defaultQueueAttributes } from '../../src/sqs/queue-attributes';
import { sqsApiErrorOf } from './sqs-helpers';

/** A queue on a clock the test moves, so delays, visibility and retention need no waiting. */
function queueOnClock(name = 'q', attributes: Record<string, string> = {}): { queue: LocalQueue; advance: (ms: number) => void } {
  let now = 1_800_000_000_000;
  const queue = new LocalQueue({
    name,
    arn: `arn:aws:sqs:us-east-1:000000000000:${name}`,
    url: `http://127.0.0.1:1/000000000000/${name}`,
    attributes: { ...defaultQueueAttributes(1_048_576), ...attributes },
    now: () => now,
  });
  return { queue, advance: (ms) => (now += ms) };
}

const message = (body: string, delaySeconds?: number): NewMessage => ({ body, messageAttributes: {}, systemAttributes: {}, senderId: '000000000000', delaySeconds });

describe('LocalQueue', () => {
  it('keeps a message delayed for its DelaySeconds, then hands it out', () => {
    // Prepare
    const { queue, advance } = queueOnClock();
    queue.send(message('later', 5));

    // Act
    const early = queue.receive({ maxNumberOfMessages: 10 });
    const depthBefore = queue.depth();
    advance(5_000);
    const onTime = queue.receive({ maxNumberOfMessages: 10 });

    // Assess
    expect(early).toEqual([]);
    expect(depthBefore).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
    expect(onTime.map((received) => received.message.body)).toEqual(['later']);
  });

  it('hides a received message for the visibility timeout, then hands it out again with the receive count raised', () => {
    // Prepare
    const { queue, advance } = queueOnClock('q', { VisibilityTimeout: '30' });
    queue.send(message('x'));
    const [first] = queue.receive({ maxNumberOfMessages: 1 });

    // Act
    advance(29_999);
    const hidden = queue.receive({ maxNumberOfMessages: 1 });
    advance(1);
    const [second] = queue.receive({ maxNumberOfMessages: 1 });

    // Assess
    expect(hidden).toEqual([]);
    expect(second?.message.receiveCount).toBe(2);
    expect(second?.message.firstReceiveTimestamp).toBe(first?.message.firstReceiveTimestamp);
    expect(second?.receiptHandle).not.toBe(first?.receiptHandle);
  });

  it('deletes messages once the retention period has passed since they were sent, in flight or not', () => {
    // Prepare
    const { queue, advance } = queueOnClock('q', { MessageRetentionPeriod: '60' });
    queue.send(message('received'));
    queue.receive({ maxNumberOfMessages: 1, visibilityTimeoutSeconds: 43_200 });
    queue.send(message('waiting'));

    // Act
    advance(59_999);
    const before = queue.depth();
    advance(1);
    const after = queue.depth();

    // Assess
    expect(before).toEqual({ visible: 1, inFlight: 1, delayed: 0 });
    expect(after).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('changes the visibility of an in-flight message from now, leaves a visible one alone, and refuses a deleted one', () => {
    // Prepare
    const { queue, advance } = queueOnClock();
    queue.send(message('x'));
    const [received] = queue.receive({ maxNumberOfMessages: 1 });
    const handle = received!.receiptHandle;

    // Act
    advance(10_000);
    queue.changeVisibility(handle, 5);
    advance(4_999);
    const stillHidden = queue.depth();
    advance(1);
    const visibleAgain = queue.depth();
    queue.changeVisibility(handle, 60);
    const notInFlight = queue.depth();
    queue.delete(handle);
    const gone = sqsApiErrorOf(() => queue.changeVisibility(handle, 0));

    // Assess
    expect(stillHidden).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    expect(visibleAgain).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(notInFlight).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(gone.errorName).toBe('InvalidParameterValue');
  });

  it("refuses a receipt handle of another queue or no handle at all as ReceiptHandleIsInvalid, and tolerates a deleted message's handle", () => {
    // Prepare
    const { queue } = queueOnClock('q');
    const { queue: other } = queueOnClock('other');
    other.send(message('x'));
    const [foreign] = other.receive({ maxNumberOfMessages: 1 });
    queue.send(message('y'));
    const [own] = queue.receive({ maxNumberOfMessages: 1 });
    queue.delete(own!.receiptHandle);

    // Act
    const errors = [sqsApiErrorOf(() => queue.delete(foreign!.receiptHandle)), sqsApiErrorOf(() => queue.delete('not-a-handle'))];
    queue.delete(own!.receiptHandle);

    // Assess
    expect(errors.map((error) => error.errorName)).toEqual(['ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid']);
    expect(other.depth()).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
  });

  it('moves a message to the dead-letter queue on the receive past maxReceiveCount, with its id, body and sent time', () => {
    // Prepare
    const { queue: dlq } = queueOnClock('dlq');
    const { queue, advance } = queueOnClock('q', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }) });
    const sent = queue.send(message('poison'));
    queue.receive({ maxNumberOfMessages: 1, visibilityTimeoutSeconds: 0, deadLetterQueue: dlq });

    // Act
    advance(1);
    const second = queue.receive({ maxNumberOfMessages: 1, deadLetterQueue: dlq });
    const [moved] = dlq.receive({ maxNumberOfMessages: 1 });

    // Assess
    expect(second).toEqual([]);
    expect(queue.depth()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(moved?.message).toMatchObject({ messageId: sent.messageId, body: 'poison', sentTimestamp: sent.sentTimestamp, deadLetterQueueSourceArn: queue.arn, receiveCount: 1 });
  });

  it('allows one purge every 60 seconds (PurgeQueueInProgress)', () => {
    // Prepare
    const { queue, advance } = queueOnClock();
    queue.send(message('a'));
    queue.purge();

    // Act
    advance(59_999);
    const tooSoon = sqsApiErrorOf(() => queue.purge());
    advance(1);
    queue.purge();

    // Assess
    expect(tooSoon.errorName).toBe('PurgeQueueInProgress');
    expect(queue.depth()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('tells when the next hidden message becomes visible, and calls listeners when one may be visible', () => {
    // Prepare
    const { queue } = queueOnClock();
    let changes = 0;
    queue.onChange(() => (changes += 1));

    // Act
    const empty = queue.nextVisibleAt();
    const sent = queue.send(message('later', 7));

    // Assess
    expect(empty).toBeUndefined();
    expect(queue.nextVisibleAt()).toBe(sent.sentTimestamp + 7_000);
    expect(changes).toBe(1);
  });
});
