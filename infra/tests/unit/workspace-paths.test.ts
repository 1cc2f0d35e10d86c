import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfraError, findWorkspaceRoot, resolveBundleDirectory } from '../../src/index.js';

describe('findWorkspaceRoot', () => {
  it('given the default start (this package), then the root is the folder holding nx.json', () => {
    // When
    const root = findWorkspaceRoot();

    // Then
    expect(existsSync(join(root, 'nx.json'))).toBe(true);
    expect(existsSync(join(root, 'infra', 'package.json'))).toBe(true);
  });

  it('given a folder outside any workspace, then the error says nx.json was not found', () => {
    // Given
    const outside = mkdtempSync(join(tmpdir(), 'no-workspace-'));
    try {
      // When / Then
      expect(() => findWorkspaceRoot(outside)).toThrow(InfraError);
      expect(() => findWorkspaceRoot(outside)).toThrow(/No nx\.json found at or above/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('resolveBundleDirectory', () => {
  it('given a function name and a root, then the bundle folder is <root>/dist/apps/<name>', () => {
    expect(resolveBundleDirectory('kinesis-ddb-writer', '/workspace')).toBe(join('/workspace', 'dist/apps/kinesis-ddb-writer'));
  });
});
