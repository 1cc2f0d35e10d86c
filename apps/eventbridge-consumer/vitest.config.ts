import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Integration tests start DynamoDB Local (a JVM) and CDK tests synthesize stacks.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
