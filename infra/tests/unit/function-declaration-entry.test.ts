import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const IMPORT_SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/g;

/** Every package (bare specifier) that `entry` reaches through its relative imports, runtime and type-only alike. */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [resolve(SOURCE_ROOT, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) {
        pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else if (!specifier.startsWith('node:')) {
        // Node's built-ins (discovery reads apps/) are not packages that could bring CDK in.
        packages.add(specifier);
      }
    }
  }
  return packages;
}

describe('@wildrydes/infra/function-declaration', () => {
  it('given the entry point, when its imports are followed, then it reaches no CDK package, only the pattern validator', () => {
    // When
    const packages = packagesReachedFrom('function-declaration.ts');

    // Then
    expect([...packages]).toEqual(['@wildrydes/event-patterns']);
  });

  it('given the pattern validator package, then it depends on no CDK package either', () => {
    // Given
    const manifest = JSON.parse(readFileSync(resolve(SOURCE_ROOT, '../../packages/event-patterns/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };

    // Then
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => /cdk|constructs/.test(name))).toEqual([]);
  });
});
