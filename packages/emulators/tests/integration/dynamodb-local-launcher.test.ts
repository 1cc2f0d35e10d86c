import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JavaNotFoundError } from '../../src/index';
import { locateDynamoDbLocalJar } from '../../src/dynamodb-local-jar';
import { prepareLoopbackLauncher } from '../../src/dynamodb-local-launcher';
import { fakeJre } from './fake-java';

describe.skipIf(process.platform === 'win32')('prepareLoopbackLauncher (the launcher that binds DynamoDB Local to 127.0.0.1)', () => {
  const { jar, version } = locateDynamoDbLocalJar();
  let cacheDirectory: string;

  beforeEach(async () => {
    cacheDirectory = await mkdtemp(join(tmpdir(), 'emulators-launcher-cache-'));
  });

  afterEach(async () => {
    await rm(cacheDirectory, { recursive: true, force: true });
  });

  it('compiles the launcher once with javac into a folder keyed by its source and the DynamoDB Local version', async () => {
    // Act
    const launcher = await prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: version, cacheDirectory });

    // Assess
    const [folder, ...others] = await readdir(cacheDirectory);
    expect(others).toEqual([]);
    expect(folder).toMatch(/^dynamodb-local-loopback-[0-9a-f]{16}$/);
    expect(await readdir(join(cacheDirectory, folder!))).toEqual(['DynamoDbLocalLoopback.class']);
    expect(launcher).toEqual({ mode: 'compiled', classPath: `${join(cacheDirectory, folder!)}:${jar}`, main: 'DynamoDbLocalLoopback' });
  });

  it('reuses the compiled launcher on a JRE (no javac, no jdk.compiler module)', async () => {
    // Prepare
    const compiled = await prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: version, cacheDirectory });
    const jre = await fakeJre();
    try {
      // Act
      const reused = await prepareLoopbackLauncher({ javaBinary: jre.path, javacBinary: 'definitely-not-javac', jar, dynamoDbLocalVersion: version, cacheDirectory });

      // Assess
      expect(reused).toEqual(compiled);
    } finally {
      await jre.remove();
    }
  });

  it('compiles again for another DynamoDB Local version, whose internals the launcher may not fit', async () => {
    // Prepare
    const first = await prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: version, cacheDirectory });

    // Act
    const other = await prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: `${version}-next`, cacheDirectory });

    // Assess
    expect(other.classPath).not.toBe(first.classPath);
    expect(await readdir(cacheDirectory)).toHaveLength(2);
  });

  it('gives every process that compiles at the same time the whole launcher, and leaves no temporary folder', async () => {
    // Act: javac processes racing to put the same launcher into an empty cache
    const launchers = await Promise.all(
      [1, 2, 3].map(() => prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: version, cacheDirectory })),
    );

    // Assess
    expect(new Set(launchers.map((launcher) => launcher.classPath)).size).toBe(1);
    expect(launchers[0]!.mode).toBe('compiled');
    const folders = await readdir(cacheDirectory);
    expect(folders).toEqual([expect.stringMatching(/^dynamodb-local-loopback-/)]);
    expect(await readdir(join(cacheDirectory, folders[0]!))).toEqual(['DynamoDbLocalLoopback.class']);
  });

  it('runs the launcher from source on a JDK whose javac cannot be used', async () => {
    // Act
    const launcher = await prepareLoopbackLauncher({ javaBinary: 'java', javacBinary: 'definitely-not-javac', jar, dynamoDbLocalVersion: version, cacheDirectory });

    // Assess
    expect(launcher.mode).toBe('source');
    expect(launcher.classPath).toBe(jar);
    expect(launcher.main).toMatch(/dynamodb-local-loopback\.java$/);
  });

  it('fails with JavaNotFoundError asking for a JDK 17+ on a JRE when nothing is compiled yet', async () => {
    // Prepare
    const jre = await fakeJre();
    try {
      // Act
      const error = await prepareLoopbackLauncher({ javaBinary: jre.path, javacBinary: 'definitely-not-javac', jar, dynamoDbLocalVersion: version, cacheDirectory }).catch(
        (e: unknown) => e,
      );

      // Assess
      expect(error).toBeInstanceOf(JavaNotFoundError);
      expect((error as Error).message).toMatch(/needs a Java 17\+ JDK, but it is not a JDK/);
      expect((error as Error).message).toMatch(/no jdk\.compiler module/);
      expect((error as Error).message).toContain('apt-get install openjdk-17-jdk-headless');
      expect(await readdir(cacheDirectory)).toEqual([]);
    } finally {
      await jre.remove();
    }
  });
});
