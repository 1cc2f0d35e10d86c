import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Every CDK synth writes a cdk.out-style folder under os.tmpdir() and never removes it.
// Point TMPDIR at a private folder per test file and delete it afterwards.
const original = process.env['TMPDIR'];
const privateTmp = mkdtempSync(join(tmpdir(), 'wildrydes-infra-tests-'));
process.env['TMPDIR'] = privateTmp;

afterAll(() => {
  if (original === undefined) {
    delete process.env['TMPDIR'];
  } else {
    process.env['TMPDIR'] = original;
  }
  rmSync(privateTmp, { recursive: true, force: true });
});
