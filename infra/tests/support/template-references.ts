import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';

/** Names a `Fn::Sub` string refers to: `${Name}` and `${Name.Attribute}`, not the literal `${!Text}`. */
const SUB_VARIABLE = /\$\{(?!!)([A-Za-z0-9:]+)(?:\.[A-Za-z0-9]+)?\}/g;

/** Every logical ID `value` refers to through `Ref` or a `Fn::Sub` variable. */
function collectReferences(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'Ref' && typeof child === 'string') {
      into.add(child);
    } else if (key === 'Fn::Sub') {
      const text: unknown = Array.isArray(child) ? child[0] : child;
      if (typeof text === 'string') {
        for (const [, name] of text.matchAll(SUB_VARIABLE)) if (name !== undefined) into.add(name);
      }
      if (Array.isArray(child)) collectReferences(child[1], into);
    } else {
      collectReferences(child, into);
    }
  }
}

/**
 * The logical IDs of the template's Parameters that nothing else in it (Resources, Outputs,
 * Conditions, Rules) refers to: what CloudFormation warns about as W2001.
 */
export function unreferencedParameters(template: Template): string[] {
  const { Parameters: parameters = {}, ...rest } = template.toJSON() as { Parameters?: Record<string, unknown> };
  const referenced = new Set<string>();
  collectReferences(rest, referenced);
  return Object.keys(parameters).filter((id) => !referenced.has(id));
}

/** The platform SSM parameter paths (`/wildrydes/...`) the template declares as CloudFormation parameters, sorted. */
export function declaredPlatformParameterPaths(template: Template): string[] {
  const parameters = (template.toJSON() as { Parameters?: Record<string, { Type?: string; Default?: string }> }).Parameters ?? {};
  return Object.values(parameters)
    .filter((parameter) => parameter.Type === 'AWS::SSM::Parameter::Value<String>' && parameter.Default?.startsWith('/wildrydes/') === true)
    .map((parameter) => String(parameter.Default))
    .sort();
}

interface ValidationReport {
  readonly pluginReports: ReadonlyArray<{ readonly violations: ReadonlyArray<{ readonly ruleName: string }> }>;
}

/**
 * The rules CDK's own template validation (the "CloudFormation Validate" plugin) reported for
 * the synthesized cloud assembly in `assemblyDirectory`, e.g. `W2001`; none when it wrote no report.
 */
export function validationRuleNames(assemblyDirectory: string): string[] {
  const reportFile = join(assemblyDirectory, 'validation-report.json');
  if (!existsSync(reportFile)) return [];
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) => plugin.violations.map((violation) => violation.ruleName));
}
