import { describe, expect, it } from 'vitest';
import { JavaNotFoundError, checkJava, parseJavaVersion } from '../../src/index';

describe('parseJavaVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
  ])('reads %s as Java %i', (output, major) => {
    expect(parseJavaVersion(output)?.major).toBe(major);
  });

  it('returns undefined for unrelated output', () => {
    expect(parseJavaVersion('command not found')).toBeUndefined();
  });
});

describe('checkJava', () => {
  it('throws JavaNotFoundError with install advice when the binary does not exist', async () => {
    const error = await checkJava('definitely-not-java').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JavaNotFoundError);
    expect((error as JavaNotFoundError).message).toMatch(/Java 17/);
    expect((error as JavaNotFoundError).message).toMatch(/java -version/);
    expect((error as JavaNotFoundError).cause).toBeDefined();
  });
});
