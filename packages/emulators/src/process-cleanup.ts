import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

const children = new Set<ChildProcess>();
const directories = new Set<string>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function cleanUpAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const directory of directories) {
    try {
      // Synchronous: nothing asynchronous runs in an exit hook, nor after a fatal signal.
      rmSync(directory, { recursive: true, force: true });
    } catch {
      // Best effort on the way out: a folder that cannot be removed must not hide the exit.
    }
  }
  directories.clear();
}

function onExit(): void {
  cleanUpAll();
}

function onSignal(signal: NodeJS.Signals): void {
  // The application handles this signal itself (for example a graceful drain on Ctrl-C): it
  // stops its emulators when it is done, and the exit hook still cleans up whatever is left.
  if (process.listenerCount(signal) > 1) return;
  cleanUpAll();
  uninstall();
  // Nobody else handles this signal: restore the default behaviour (terminate) by re-raising it.
  process.kill(process.pid, signal);
}

let installed = false;

function install(): void {
  if (installed) return;
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
  installed = true;
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of signals) process.off(signal, onSignal);
  installed = false;
}

function uninstallWhenIdle(): void {
  if (children.size === 0 && directories.size === 0) uninstall();
}

/**
 * Kills `child` with SIGKILL if this process exits (normally or via SIGINT/SIGTERM/SIGHUP)
 * before {@link releaseOnExit} is called. Signal handlers are only installed while at least
 * one child or directory is registered; when no other handler takes the signal they clean up
 * and re-raise it so the default behaviour is kept, and when the application handles the
 * signal itself they leave the clean-up to it (the exit hook still does it on `process.exit`).
 *
 * @example
 * ```ts
 * const child = spawn('java', args);
 * killOnExit(child);
 * child.once('exit', () => releaseOnExit(child));
 * ```
 */
export function killOnExit(child: ChildProcess): void {
  children.add(child);
  install();
}

/**
 * Stops watching `child` (call once it has exited or been stopped).
 *
 * @example
 * ```ts
 * releaseOnExit(child);
 * ```
 */
export function releaseOnExit(child: ChildProcess): void {
  if (children.delete(child)) uninstallWhenIdle();
}

/**
 * Removes `directory` (recursively, synchronously) if this process exits before
 * {@link keepOnExit} is called: on `process.exit`, at the end of the event loop, and on a
 * SIGINT/SIGTERM/SIGHUP that nobody else handles. For an emulator's temporary folder, so that
 * quitting at once (a second Ctrl-C) does not leave it behind in the temp directory.
 *
 * @example
 * ```ts
 * const directory = await mkdtemp(join(tmpdir(), 'emulators-s3rver-'));
 * removeOnExit(directory);
 * // ... on a graceful stop:
 * await rm(directory, { recursive: true, force: true });
 * keepOnExit(directory);
 * ```
 */
export function removeOnExit(directory: string): void {
  directories.add(directory);
  install();
}

/**
 * Stops watching `directory` (call once it has been removed, or to keep it).
 *
 * @example
 * ```ts
 * keepOnExit(directory);
 * ```
 */
export function keepOnExit(directory: string): void {
  if (directories.delete(directory)) uninstallWhenIdle();
}
