import { describe, expect, it } from 'vitest';
import { EmulatorStartError, JavaNotFoundError, checkJava, startDynamoDbLocal } from '../../src/index';
import { fakeJava } from './fake-java';

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
    const java = await fakeJava('openjdk version "21" 2023-09-19', 'exec sleep 30');
    try {
      const started = Date.now();
      const error = await startDynamoDbLocal({ javaBinary: java.path, startTimeoutMs: 600 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmulatorStartError);
      expect((error as Error).message).toMatch(/not ready after 600 ms/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await java.remove();
    }
  });
});
