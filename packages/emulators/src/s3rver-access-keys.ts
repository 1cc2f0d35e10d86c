import { createRequire } from 'node:module';

interface S3rverAccountModule {
  registry: Map<string, unknown>;
  DUMMY_ACCOUNT: unknown;
}

let patched = false;

/**
 * s3rver only knows the access key id `S3RVER` and answers `InvalidAccessKeyId` to any other,
 * while it never verifies SigV4 signatures. This makes its account registry (module-global, so
 * done once per process) resolve every unknown key id to its dummy account, so clients can use
 * any credentials, like with kinesalite and DynamoDB Local.
 *
 * @example
 * ```ts
 * acceptAnyS3rverAccessKey();
 * ```
 */
export function acceptAnyS3rverAccessKey(): void {
  if (patched) return;
  const require = createRequire(import.meta.url);
  const accounts = require('s3rver/lib/models/account') as S3rverAccountModule;
  const { registry, DUMMY_ACCOUNT } = accounts;
  const originalGet = registry.get.bind(registry);
  registry.get = (accessKeyId: string) => originalGet(accessKeyId) ?? DUMMY_ACCOUNT;
  patched = true;
}
