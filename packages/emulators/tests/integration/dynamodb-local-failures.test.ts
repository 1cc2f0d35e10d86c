import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorStartError, JavaNotFoundError, checkJava, startDynamoDbLocal } from '../../src/index';
import { fakeJava, fakeJre } from './fake-java';

describe.skipIf(process.platform === 'win32')('startDynamoDbLocal failures (fake java)', () => {
  it('rejects Java older than 17 with JavaNotFoundError naming the version', async () => {
    const java = await fakeJava('java version "1.8.0_392"', 'exit 0');
    try {
      const error = await checkJava(java.path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JavaNotFoundError);
      expect((error as Error).message).toMatch(/Java 8/);
    } finally {
      await java.remove();
    }
  });

  it('reports EmulatorStartError with the JVM output when the process exits early', async () => {
    const java = await fakeJava('openjdk version "17.0.9" 2023-10-17', 'echo "Error: Unable to access jarfile" >&2; exit 3');
    try {
      const error = await startDynamoDbLocal({ javaBinary: java.path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmulatorStartError);
      expect((error as Error).message).toMatch(/exited early \(code 3\)/);
      expect((error as Error).message).toMatch(/Unable to access jarfile/);
    } finally {
      await java.remove();
    }
  });

  it('times out with EmulatorStartError when the port never answers, and kills the process', async () => {
    // Prepare: a "JVM" that never listens, and says which process it is
    const java = await fakeJava('openjdk version "21" 2023-09-19', 'echo $$ > "$HERE/pid"; exec sleep 30');
    try {
      // Act
      const error = await startDynamoDbLocal({ javaBinary: java.path, startTimeoutMs: 600 }).catch((e: unknown) => e);

      // Assess: the error comes once the process is gone (not after its 30 s)
      expect(error).toBeInstanceOf(EmulatorStartError);
      expect((error as Error).message).toMatch(/not ready after 600 ms/);
      const pid = Number(await readFile(join(java.folder, 'pid'), 'utf8'));
      expect(isRunning(pid)).toBe(false);
    } finally {
      await java.remove();
    }
  });

  it('fails with JavaNotFoundError asking for a JDK 17+ before starting the JVM, on a JRE with no compiled launcher', async () => {
    // Prepare: a JRE (no jdk.compiler, no javac) that notes when it is started as DynamoDB Local
    const jre = await fakeJre('touch "$HERE/started"; exit 1');
    const launcherCacheDirectory = await mkdtemp(join(tmpdir(), 'emulators-launcher-cache-'));
    try {
      // Act
      const error = await startDynamoDbLocal({ javaBinary: jre.path, javacBinary: 'definitely-not-javac', launcherCacheDirectory }).catch(
        (e: unknown) => e,
      );

      // Assess
      expect(error).toBeInstanceOf(JavaNotFoundError);
      expect((error as Error).message).toMatch(/needs a Java 17\+ JDK/);
      expect((error as Error).message).toContain('apt-get install openjdk-17-jdk-headless');
      expect(existsSync(join(jre.folder, 'started'))).toBe(false);
    } finally {
      await jre.remove();
      await rm(launcherCacheDirectory, { recursive: true, force: true });
    }
  });
});

/** Whether a process with this id exists (signal 0 checks without signalling). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
