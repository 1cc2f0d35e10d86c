import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // DynamoDB Local is a JVM: its first start takes a few seconds on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 45_000,
  },
});
