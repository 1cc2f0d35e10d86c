import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

function onExit(): void {
  killAll();
}

function onSignal(signal: NodeJS.Signals): void {
  // The application handles this signal itself (for example a graceful drain on Ctrl-C): it
  // stops its emulators when it is done, and the exit hook still kills whatever is left.
  if (process.listenerCount(signal) > 1) return;
  killAll();
  uninstall();
  // Nobody else handles this signal: restore the default behaviour (terminate) by re-raising it.
  process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of signals) process.off(signal, onSignal);
}

/**
 * Kills `child` with SIGKILL if this process exits (normally or via SIGINT/SIGTERM/SIGHUP)
 * before {@link releaseOnExit} is called. Signal handlers are only installed while at least
 * one child is registered; when no other handler takes the signal they kill the children and
 * re-raise it so the default behaviour is kept, and when the application handles the signal
 * itself they leave the children to it (the exit hook still kills them).
 *
 * @example
 * ```ts
 * const child = spawn('java', args);
 * killOnExit(child);
 * child.once('exit', () => releaseOnExit(child));
 * ```
 */
export function killOnExit(child: ChildProcess): void {
  if (children.size === 0) install();
  children.add(child);
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
  if (children.delete(child) && children.size === 0) uninstall();
}
