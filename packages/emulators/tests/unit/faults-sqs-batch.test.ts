import { describe, expect, it } from 'vitest';
import { sqsBatchRewriter } from '../../src/faults/sqs-batch-rewriter';

const queueUrl = 'http://127.0.0.1:9324/000000000000/consumer-dlq';
const request = {
  QueueUrl: queueUrl,
  Entries: [
    { Id: 'a', MessageBody: 'one' },
    { Id: 'b', MessageBody: 'two' },
    { Id: 'c', MessageBody: 'three' },
  ],
};
const [internalError] = sqsBatchRewriter.entryErrors;

describe('sqsBatchRewriter (SQS API Reference: SendMessageBatch / DeleteMessageBatch answer Successful and Failed BatchResultErrorEntry)', () => {
  it('forwards the kept entries and reports the withheld ones in Failed with SenderFault false and InternalError', () => {
    // Prepare
    const split = sqsBatchRewriter.withhold(request, new Map([[2, internalError], [0, internalError]]));

    // Act
    const answer = split.respond({ Successful: [{ Id: 'b', MessageId: 'm-b', MD5OfMessageBody: 'x' }] });

    // Assess
    expect(split.forward).toEqual({ QueueUrl: queueUrl, Entries: [request.Entries[1]] });
    expect(answer).toEqual({
      Successful: [{ Id: 'b', MessageId: 'm-b', MD5OfMessageBody: 'x' }],
      Failed: [
        { Id: 'a', SenderFault: false, Code: 'InternalError', Message: internalError.message },
        { Id: 'c', SenderFault: false, Code: 'InternalError', Message: internalError.message },
      ],
    });
  });

  it('keeps failures the emulator reported', () => {
    // Prepare
    const split = sqsBatchRewriter.withhold(request, new Map([[0, internalError]]));
    const emulatorFailure = { Id: 'c', SenderFault: true, Code: 'InvalidParameterValue', Message: 'bad' };

    // Act
    const answer = split.respond({ Successful: [{ Id: 'b' }], Failed: [emulatorFailure] });

    // Assess
    expect(answer['Failed']).toEqual([emulatorFailure, { Id: 'a', SenderFault: false, Code: 'InternalError', Message: internalError.message }]);
  });

  it('answers an empty Successful list when every entry is withheld (DeleteMessageBatch shape too)', () => {
    // Prepare
    const deletes = { QueueUrl: queueUrl, Entries: [{ Id: 'r1', ReceiptHandle: 'h1' }] };

    // Act
    const split = sqsBatchRewriter.withhold(deletes, new Map([[0, internalError]]));
    const answer = split.respond(undefined);

    // Assess
    expect(split.forward).toBeUndefined();
    expect(answer).toEqual({ Successful: [], Failed: [{ Id: 'r1', SenderFault: false, Code: 'InternalError', Message: internalError.message }] });
  });
});
