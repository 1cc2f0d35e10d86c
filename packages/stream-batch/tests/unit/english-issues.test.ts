import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseWithEnglishIssues } from '../../src/english-issues.js';

const Schema = z.object({
  Name: z.string().check(z.minLength(1)),
  Latitude: z.number().check(z.gte(-90), z.lte(90)),
  Points: z.int(),
});

describe('parseWithEnglishIssues', () => {
  it('returns the parsed value', () => {
    expect(parseWithEnglishIssues(Schema, { Name: 'Shadowfax', Latitude: 47.6, Points: 3, Extra: true })).toEqual({
      ok: true,
      data: { Name: 'Shadowfax', Latitude: 47.6, Points: 3 },
    });
  });

  it('names every offending field with an English message', () => {
    expect(parseWithEnglishIssues(Schema, { Name: '', Latitude: 91, Points: 1.5 })).toEqual({
      ok: false,
      detail:
        'Name: Too small: expected string to have >=1 characters; Latitude: Too big: expected number to be <=90; Points: Invalid input: expected int, received number',
    });
  });

  it('describes a value of the wrong kind at the top level', () => {
    expect(parseWithEnglishIssues(Schema, 42)).toEqual({ ok: false, detail: 'Invalid input: expected object, received number' });
  });

  it('leaves other parses with the same schema untouched (no global configuration)', () => {
    parseWithEnglishIssues(Schema, null);
    expect(Schema.safeParse(null).error?.issues[0]?.message).toBe('Invalid input');
  });
});
