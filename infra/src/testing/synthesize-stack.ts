import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { createCdkApp } from '../cdk-app.js';
import { applyNagChecks } from '../nag.js';
import { nagFindings, unjustifiedNagSuppressions, type NagSuppression } from './nag-findings.js';

/** What cdk-nag says about a stack; all three lists are empty for a stack that may ship. */
export interface NagReport {
  /** Unsuppressed AwsSolutions errors (they fail `cdk synth`), as `<path>: AwsSolutions-<rule>`. */
  readonly errors: string[];
  /** Unsuppressed AwsSolutions warnings. */
  readonly warnings: string[];
  /** Suppressions without a proper reason (see {@link unjustifiedNagSuppressions}). */
  readonly unjustifiedSuppressions: NagSuppression[];
}

/** A function stack synthesized for assertions. */
export interface SynthesizedStack<TStack extends Stack> {
  readonly stack: TStack;
  /** The stack's template; use it rather than `Template.fromStack`, the assembly is gone. */
  readonly template: Template;
  /** cdk-nag's AWS Solutions checks, applied to the whole app. */
  readonly nag: NagReport;
}

/** A stand-in deployment package: a stack test never needs `nx build`. */
const STAND_IN_CODE = 'export const handler = async () => ({});';

/**
 * Builds a function's stack the way its `infra/app.ts` does, in an app with asset bundling off,
 * inline stand-in code and cdk-nag's AWS Solutions checks, and synthesizes it once. The cloud
 * assembly goes to a private temporary folder that is removed before this returns (a CDK synth
 * otherwise leaves a `cdk.out` folder in the temp dir each time), so everything a test asserts
 * on comes back as data: the template and the nag report.
 *
 * @param build creates the stack in `app`, with `code` as its function's code
 * @example
 * ```ts
 * const { template, nag } = synthesizeStack((app, code) => new KinesisDdbWriterStack(app, 'WildRydesKinesisDdbWriter', { code }));
 * expect(nag).toEqual({ errors: [], warnings: [], unjustifiedSuppressions: [] });
 * ```
 */
export function synthesizeStack<TStack extends Stack>(build: (app: App, code: lambda.Code) => TStack): SynthesizedStack<TStack> {
  const outdir = mkdtempSync(join(tmpdir(), 'wildrydes-stack-'));
  try {
    const app = createCdkApp({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = build(app, lambda.Code.fromInline(STAND_IN_CODE));
    applyNagChecks(app);
    const template = Template.fromStack(stack);
    const nag = { ...nagFindings(stack), unjustifiedSuppressions: unjustifiedNagSuppressions(stack) };
    return { stack, template, nag };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
