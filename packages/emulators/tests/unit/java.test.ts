import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JavaNotFoundError, checkJava, parseJavaVersion } from '../../src/index';
import { findJavac } from '../../src/java';

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
  it.skipIf(process.platform === 'win32')('says how `java -version` failed when a Java is there but does not start', async () => {
    // Prepare: a java that cannot start its VM.
    const folder = await mkdtemp(join(tmpdir(), 'emulators-broken-java-'));
    const java = join(folder, 'java');
    await writeFile(java, '#!/bin/sh\necho "Error occurred during initialization of VM" >&2\nexit 1\n');
    await chmod(java, 0o755);

    // Act
    const error = await checkJava(java).catch((e: unknown) => e);
    await rm(folder, { recursive: true, force: true });

    // Assess
    expect(error).toBeInstanceOf(JavaNotFoundError);
    expect((error as JavaNotFoundError).message).toContain('-version` failed (exited with code 1: Error occurred during initialization of VM)');
  });

  it('throws JavaNotFoundError with install advice when the binary does not exist', async () => {
    const error = await checkJava('definitely-not-java').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JavaNotFoundError);
    expect((error as JavaNotFoundError).message).toMatch(/Java 17/);
    expect((error as JavaNotFoundError).message).toMatch(/java -version/);
    expect((error as JavaNotFoundError).cause).toBeDefined();
  });
});

describe.skipIf(process.platform === 'win32')('findJavac', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'emulators-find-javac-'));
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(root, { recursive: true, force: true });
  });

  async function executable(path: string): Promise<string> {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, '#!/bin/sh\n');
    await chmod(path, 0o755);
    return path;
  }

  it('finds the javac beside the java a link points to (as /usr/bin/java points into the JDK), before the one on PATH', async () => {
    // Prepare
    const java = await executable(join(root, 'jdk', 'bin', 'java'));
    const javac = await executable(join(root, 'jdk', 'bin', 'javac'));
    await executable(join(root, 'other', 'javac'));
    await mkdir(join(root, 'links'));
    await symlink(java, join(root, 'links', 'java'));
    vi.stubEnv('PATH', `${join(root, 'links')}:${join(root, 'other')}`);

    // Act
    const found = [await findJavac('java'), await findJavac(join(root, 'links', 'java'))];

    // Assess
    expect(found).toEqual([javac, javac]);
  });

  it('falls back to javac on PATH, and finds none for a JRE without one', async () => {
    // Prepare
    const jre = await executable(join(root, 'jre', 'bin', 'java'));
    const onPath = await executable(join(root, 'other', 'javac'));

    // Act
    vi.stubEnv('PATH', join(root, 'other'));
    const withJavacOnPath = await findJavac(jre);
    vi.stubEnv('PATH', join(root, 'jre', 'bin'));
    const without = await findJavac(jre);

    // Assess
    expect(withJavacOnPath).toBe(onPath);
    expect(without).toBeUndefined();
  });
});
