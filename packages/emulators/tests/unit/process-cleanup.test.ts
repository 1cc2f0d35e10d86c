import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { killOnExit, releaseOnExit } from '../../src/process-cleanup';

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
