import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/private-tmpdir.ts'],
    // Each CDK synth (with cdk-nag) takes a few seconds on the 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
