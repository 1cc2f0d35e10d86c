import { describe, expect, it } from 'vitest';
import { clientReason, failureKind, publishResponse, publishStatus, RETRY_AFTER_SECONDS } from '../../src/publish-outcome.js';

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null');

describe('failureKind', () => {
  it.each([
    [true, 'DeadlineReached', 'exhausted'],
    [true, 'MaxAttemptsReached', 'exhausted'],
    [true, 'Environment', 'environment'],
    [true, 'Unaccounted', 'environment'],
    [false, 'Invalid', 'rejected'],
    [false, 'TooLarge', 'rejected'],
  ] as const)('retryable %s, code %s is %s', (retryable, code, kind) => {
    expect(failureKind({ retryable, code })).toBe(kind);
  });
});

describe('clientReason', () => {
  it.each([
    ['DeadlineReached: ThrottlingException: Rate exceeded after 3 attempt(s)', 'DeadlineReached: ThrottlingException'],
    ['MaxAttemptsReached: InternalFailure after 10 attempt(s)', 'MaxAttemptsReached: InternalFailure'],
    ['DeadlineReached: not attempted', 'DeadlineReached: not attempted'],
    ['AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/x is not authorized', 'AccessDeniedException'],
    ['MalformedDetail', 'MalformedDetail'],
    ['something odd happened', 'UnknownError'],
  ])('keeps only the codes of %s', (reason, expected) => {
    expect(clientReason(reason)).toBe(expected);
  });
});

describe('publishStatus: the decision table', () => {
  it.each([
    [[], 202],
    [['exhausted'], 503],
    [['exhausted', 'exhausted'], 503],
    [['environment'], 503],
    [['exhausted', 'environment'], 503],
    [['rejected'], 422],
    [['rejected', 'rejected'], 422],
    [['exhausted', 'rejected'], 503],
    [['rejected', 'environment'], 503],
  ] as const)('failures %j answer %i', (kinds, status) => {
    expect(publishStatus(kinds)).toBe(status);
  });

  it('never answers 500: that is left to unexpected exceptions', () => {
    const kinds = ['exhausted', 'environment', 'rejected'] as const;
    const subsets = Array.from({ length: 2 ** kinds.length }, (_, mask) => kinds.filter((_, bit) => (mask >> bit) & 1));

    expect(subsets.map((subset) => publishStatus(subset)).filter((status) => status >= 500 && status !== 503)).toEqual([]);
  });
});

describe('publishResponse', () => {
  it('answers 202 with every entry published, in request order', () => {
    // Act
    const { response, status } = publishResponse(2, { published: [{ index: 1, eventId: 'e-2' }, { index: 0, eventId: 'e-1' }], failed: [] });
    // Assess
    expect(status).toBe(202);
    expect(response.statusCode).toBe(202);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(bodyOf(response)).toEqual({
      results: [
        { index: 0, status: 'published', eventId: 'e-1' },
        { index: 1, status: 'published', eventId: 'e-2' },
      ],
    });
  });

  it('answers 503 with retry-after and per-entry results when entries failed transiently', () => {
    const { response } = publishResponse(3, {
      published: [{ index: 0, eventId: 'e-1' }, { index: 2, eventId: 'e-3' }],
      failed: [{ index: 1, retryable: true, code: 'DeadlineReached', reason: 'DeadlineReached: ThrottlingException: Rate exceeded after 4 attempt(s)' }],
    });

    expect(response.statusCode).toBe(503);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_SECONDS) });
    const body = bodyOf(response);
    expect(body.error).toBe('PublishIncomplete');
    expect(body.message).toMatch(/^1 of 3 entries were not published/);
    expect(body.results).toEqual([
      { index: 0, status: 'published', eventId: 'e-1' },
      { index: 1, status: 'failed', retryable: true, reason: 'DeadlineReached: ThrottlingException' },
      { index: 2, status: 'published', eventId: 'e-3' },
    ]);
  });

  it('answers 503 with retry-after when the producer cannot publish for now, never showing the error message', () => {
    const { response, status, kinds } = publishResponse(1, {
      published: [],
      failed: [{ index: 0, retryable: true, code: 'Environment', reason: 'AccessDeniedException: arn:aws:iam::123456789012:role/producer is not authorized' }],
    });

    expect(status).toBe(503);
    expect(kinds).toEqual(['environment']);
    expect(response.statusCode).toBe(503);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_SECONDS) });
    expect(response.body).not.toContain('123456789012');
    const body = bodyOf(response);
    expect(body).toMatchObject({ error: 'PublishIncomplete', results: [{ index: 0, status: 'failed', retryable: true, reason: 'AccessDeniedException' }] });
    expect(body.message).toMatch(/^1 of 1 entries could not be published for now/);
  });

  it.each(['Invalid', 'TooLarge'] as const)(
    'answers 422 EntryRejected without retry-after when EventBridge rejects a validated entry (%s), saying which were published',
    (code) => {
      const { response, status, kinds } = publishResponse(2, {
        published: [{ index: 0, eventId: 'e-1' }],
        failed: [{ index: 1, retryable: false, code, reason: 'MalformedDetail: Detail is malformed.' }],
      });

      expect(status).toBe(422);
      expect(kinds).toEqual(['rejected']);
      expect(response.statusCode).toBe(422);
      expect(response.headers).toEqual({ 'content-type': 'application/json' });
      const body = bodyOf(response);
      expect(body.error).toBe('EntryRejected');
      expect(body.message).toMatch(/^1 of 2 entries were rejected by EventBridge/);
      expect(body.results).toEqual([
        { index: 0, status: 'published', eventId: 'e-1' },
        { index: 1, status: 'failed', retryable: false, reason: 'MalformedDetail' },
      ]);
    },
  );

  it('answers 503 when some entries are worth resending and others were rejected, marking the rejected ones not retryable', () => {
    const { response, status } = publishResponse(3, {
      published: [{ index: 0, eventId: 'e-1' }],
      failed: [
        { index: 1, retryable: false, code: 'Invalid', reason: 'MalformedDetail: Detail is malformed.' },
        { index: 2, retryable: true, code: 'MaxAttemptsReached', reason: 'MaxAttemptsReached: ThrottlingException: Rate exceeded after 10 attempt(s)' },
      ],
    });

    expect(status).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    const body = bodyOf(response);
    expect(body.error).toBe('PublishIncomplete');
    expect(body.message).toMatch(/^1 of 3 entries were not published in time; .*; 1 were rejected by EventBridge and must not be resent/);
    expect(body.results).toEqual([
      { index: 0, status: 'published', eventId: 'e-1' },
      { index: 1, status: 'failed', retryable: false, reason: 'MalformedDetail' },
      { index: 2, status: 'failed', retryable: true, reason: 'MaxAttemptsReached: ThrottlingException' },
    ]);
  });

  it('counts an entry the publisher did not report as failed and worth resending, never as published', () => {
    const { response, results } = publishResponse(2, { published: [{ index: 0, eventId: 'e-1' }], failed: [] });

    expect(response.statusCode).toBe(503);
    expect(results[1]).toEqual({ index: 1, status: 'failed', retryable: true, reason: 'Unaccounted' });
  });
});
