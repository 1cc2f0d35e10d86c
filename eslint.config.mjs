import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/cdk.out', '**/.nx', '**/coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Functions never import each other; they share code only through packages.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:infra'] },
            // Packages never import functions or infrastructure code.
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:lib', 'type:infra'] },
            // Local tooling (the local runtime) reads the functions' declarations (CDK-free) from infra, and
            // re-drives its on-failure destinations at drain time through the redrive tool's library (the same code as `npm run redrive`).
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:infra', 'type:tool'] },
            // Local-only code (emulators, local runtime) never ships inside a deployable bundle.
            { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['scope:local'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Function code ships in the Lambda bundle: local tooling and CDK code must never reach it.
    files: ['apps/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@wildrydes/emulators', '@wildrydes/local-runtime', '@wildrydes/redrive', '@wildrydes/infra', '@wildrydes/infra/*', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', 'cdk-nag'],
              message: 'apps/*/src is bundled into the Lambda function: import local tooling and CDK code only from infra/ or tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
