import { describe, expect, it } from 'vitest';
import { moveQueueUrls } from '../../src/faults/sqs-queue-urls';

const emulator = 'http://127.0.0.1:9324';
const proxy = 'http://127.0.0.1:7000';

describe('moveQueueUrls', () => {
  it('moves QueueUrl (CreateQueue, GetQueueUrl) from the emulator to the proxy, keeping the path', () => {
    expect(moveQueueUrls({ QueueUrl: `${emulator}/000000000000/consumer-dlq` }, emulator, proxy)).toEqual({ QueueUrl: `${proxy}/000000000000/consumer-dlq` });
  });

  it('moves QueueUrls (ListQueues) and queueUrls (ListDeadLetterSourceQueues), keeping other fields', () => {
    // Act
    const listed = moveQueueUrls({ QueueUrls: [`${emulator}/000000000000/a`, `${emulator}/000000000000/b`], NextToken: 't' }, emulator, proxy);
    const sources = moveQueueUrls({ queueUrls: [`${emulator}/000000000000/a`] }, emulator, proxy);

    // Assess
    expect(listed).toEqual({ QueueUrls: [`${proxy}/000000000000/a`, `${proxy}/000000000000/b`], NextToken: 't' });
    expect(sources).toEqual({ queueUrls: [`${proxy}/000000000000/a`] });
  });

  it('leaves URLs of other origins, and non-URLs, alone', () => {
    expect(moveQueueUrls({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q' }, emulator, proxy)).toEqual({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q' });
    expect(moveQueueUrls({ QueueUrl: 'not a url' }, emulator, proxy)).toEqual({ QueueUrl: 'not a url' });
    expect(moveQueueUrls({}, emulator, proxy)).toEqual({});
  });
});
