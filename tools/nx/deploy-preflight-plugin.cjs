// A local Nx plugin whose only job is a `preTasksExecution` hook: before any `deploy` or `diff`
// task runs, check that the AWS SDK resolves credentials and a Region, and stop the whole command
// with exit 1 and a message naming AWS_PROFILE / AWS_REGION if not. Before any `deploy` (each one
// deploys the platform first), also refuse a malformed WILDRYDES_ALARM_EMAIL, naming it.
//
// Why a hook and not only the check in the target's command (which stays, for the daemon case
// below): Nx 23 ends a run whose *dependency* task failed with exit 130, as if interrupted
// (`didCommandComplete` finds no result for the skipped dependent task), and every function's
// `deploy` depends on the platform's. The hook fails before any task starts, so the exit is 1.
// Nx runs plugins in worker processes of the command itself, so the hook sees the caller's
// environment with the daemon on or off.

const TARGETS_NEEDING_AWS = new Set(['deploy', 'diff']);
const TARGET_FLAGS = new Set(['-t', '--target', '--targets']);
/** Nx commands that run tasks; any other first word of `nx <word> <project>` is a target. */
const TASK_COMMANDS = new Set(['run', 'run-many', 'affected', 'exec']);

/**
 * The targets an `nx` command line asks for: `nx run app:deploy`, `nx app:deploy`,
 * `nx deploy app`, `nx run-many|affected -t lint deploy`, `--targets=deploy,diff`.
 *
 * @param {string[]} args the arguments after `nx`
 * @returns {string[]}
 * @example
 * requestedTargets(['affected', '-t', 'lint', 'deploy']); // ['lint', 'deploy']
 */
function requestedTargets(args) {
  const targets = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const inline = /^(?:-t|--targets?)=(.*)$/.exec(arg);
    if (inline) {
      targets.push(...inline[1].split(','));
    } else if (TARGET_FLAGS.has(arg)) {
      while (index + 1 < args.length && !args[index + 1].startsWith('-')) targets.push(...args[(index += 1)].split(','));
    } else if (!arg.startsWith('-') && arg.includes(':')) {
      targets.push(arg.split(':')[1]);
    }
  }
  const [first] = args;
  if (first !== undefined && !first.startsWith('-') && !first.includes(':') && !TASK_COMMANDS.has(first)) targets.push(first);
  return targets.filter((target) => target !== '');
}


module.exports = {
  name: '@wildrydes/deploy-preflight',
  requestedTargets,
  async preTasksExecution(_options, context) {
    const targets = requestedTargets(context.argv.slice(2)) // argv: node, nx's script, then the arguments;
    if (!targets.some((target) => TARGETS_NEEDING_AWS.has(target))) return {};
    const { describeMissing, findMissingDeploySettings } = await import('../deploy/deploy-settings.mjs');
    const problems = [];
    const missing = await findMissingDeploySettings();
    if (missing.length > 0) problems.push(describeMissing(missing));
    if (targets.includes('deploy')) {
      const { findAlarmEmailProblem } = await import('../deploy/alarm-email-check.mjs');
      const alarmEmailProblem = await findAlarmEmailProblem(process.env);
      if (alarmEmailProblem !== undefined) problems.push(alarmEmailProblem);
    }
    // Nx prints a thrown error and ends the command with exit 1 before any task starts.
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return {};
  },
};
