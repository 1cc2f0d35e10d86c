import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseWithEnglishIssues, safeParseInEnglish } from '../../src/english-issues.js';

const Schema = z.object({
  Name: z.string().check(z.minLength(1)),
  Latitude: z.number().check(z.gte(-90), z.lte(90)),
  Points: z.int(),
  Colour: z.optional(z.string().check(z.minLength(1, 'must name a colour'))),
});

const detailOf = (value: unknown) => {
  const check = parseWithEnglishIssues(Schema, value);
  return check.ok ? undefined : check.detail;
};

describe('parseWithEnglishIssues', () => {
  it('returns the parsed value', () => {
    expect(parseWithEnglishIssues(Schema, { Name: 'Shadowfax', Latitude: 47.6, Points: 3, Extra: true })).toEqual({
      ok: true,
      data: { Name: 'Shadowfax', Latitude: 47.6, Points: 3 },
    });
  });

  it('names every offending field with an English message', () => {
    expect(detailOf({ Name: '', Latitude: 91, Points: 1.5 })).toBe(
      'Name: Too small: expected string to have >=1 characters; Latitude: Too big: expected number to be <=90; Points: Invalid input: expected int, received number',
    );
  });

  it('describes a value of the wrong kind at the top level', () => {
    expect(detailOf(42)).toBe('Invalid input: expected object, received number');
  });

  it("keeps a schema's own message", () => {
    expect(detailOf({ Name: 'Shadowfax', Latitude: 0, Points: 1, Colour: '' })).toBe('Colour: must name a colour');
  });

  it('hands the issues themselves, in English, to a caller that re-paths them', () => {
    // Act
    const parsed = safeParseInEnglish(Schema, { Name: 'Shadowfax', Latitude: -91, Points: 1 });
    // Assess
    expect(parsed.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['Latitude'], message: 'Too small: expected number to be >=-90' },
    ]);
  });

  it('leaves other parses with the same schema untouched (no global configuration)', () => {
    parseWithEnglishIssues(Schema, null);
    safeParseInEnglish(Schema, null);
    expect(Schema.safeParse(null).error?.issues[0]?.message).toBe('Invalid input');
  });
});
