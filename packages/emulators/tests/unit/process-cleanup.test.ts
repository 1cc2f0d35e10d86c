import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepOnExit, killOnExit, releaseOnExit, removeOnExit } from '../../src/process-cleanup';

function fakeChild(): ChildProcess & { kill: ReturnType<typeof vi.fn> } {
  return { exitCode: null, signalCode: null, kill: vi.fn() } as unknown as ChildProcess & { kill: ReturnType<typeof vi.fn> };
}

describe('killOnExit', () => {
  const appHandler = vi.fn();
  afterEach(() => {
    process.off('SIGINT', appHandler);
  });

  it('leaves the children alone on Ctrl-C when the application handles SIGINT itself (to drain first)', () => {
    // Prepare
    const child = fakeChild();
    killOnExit(child);
    process.on('SIGINT', appHandler);

    // Act
    process.emit('SIGINT', 'SIGINT');

    // Assess
    expect(appHandler).toHaveBeenCalledOnce();
    expect(child.kill).not.toHaveBeenCalled();
    releaseOnExit(child);
  });

  it('kills the children when the process exits', () => {
    const child = fakeChild();
    killOnExit(child);

    process.emit('exit', 0);

    expect(child.kill).toHaveBeenCalledWith('SIGKILL');
    releaseOnExit(child);
  });
});

describe('removeOnExit', () => {
  it('removes the folder when the process exits, and not once it is released', async () => {
    // Prepare
    const removed = mkdtempSync(join(tmpdir(), 'process-cleanup-removed-'));
    const kept = mkdtempSync(join(tmpdir(), 'process-cleanup-kept-'));
    writeFileSync(join(removed, 'object'), 'x');
    removeOnExit(removed);
    removeOnExit(kept);
    keepOnExit(kept);

    // Act
    process.emit('exit', 0);

    // Assess
    expect(existsSync(removed)).toBe(false);
    expect(existsSync(kept)).toBe(true);
    rmSync(kept, { recursive: true });
  });
});
