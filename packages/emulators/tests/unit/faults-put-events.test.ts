import { describe, expect, it } from 'vitest';
import { putEventsRewriter } from '../../src/faults/put-events-rewriter';

const entry = (id: string): Record<string, unknown> => ({ Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: JSON.stringify({ id }) });
const request = { Entries: [entry('1'), entry('2'), entry('3')] };
const [throttled] = putEventsRewriter.entryErrors;

describe('putEventsRewriter (EventBridge API Reference, PutEvents response: FailedEntryCount and Entries in request order)', () => {
  it('forwards the kept entries and answers EventId for them, ErrorCode for the withheld one, in order', () => {
    // Prepare
    const split = putEventsRewriter.withhold(request, new Map([[1, throttled]]));

    // Act
    const answer = split.respond({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }, { EventId: 'e3' }] });

    // Assess
    expect(split.forward).toEqual({ Entries: [entry('1'), entry('3')] });
    expect(answer).toEqual({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e1' }, { ErrorCode: 'ThrottlingException', ErrorMessage: throttled.message }, { EventId: 'e3' }],
    });
  });

  it('uses the retryable entry codes EventBridge documents, ThrottlingException and InternalFailure', () => {
    expect(putEventsRewriter.entryErrors.map((error) => error.code)).toEqual(['ThrottlingException', 'InternalFailure']);
  });

  it('can fail every entry: nothing forwarded, all entries failed', () => {
    // Act
    const split = putEventsRewriter.withhold(request, new Map([[0, throttled], [1, throttled], [2, throttled]]));
    const answer = split.respond(undefined);

    // Assess
    expect(split.forward).toBeUndefined();
    expect(answer['FailedEntryCount']).toBe(3);
    expect((answer['Entries'] as Array<Record<string, unknown>>).every((result) => result['ErrorCode'] === 'ThrottlingException')).toBe(true);
  });

  it('counts the entries of a PutEvents request', () => {
    expect(putEventsRewriter.entryCount(request)).toBe(3);
    expect(putEventsRewriter.entryCount({})).toBe(0);
  });
});
