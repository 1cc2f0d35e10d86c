import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, type StreamViewType, type TableDescription } from '@aws-sdk/client-dynamodb';
import { pollStatus, type PollStatusOptions } from './poll-status';

/** Options for {@link createTable}: an on-demand table keyed by string attributes. */
export interface CreateTableOptions extends PollStatusOptions {
  readonly tableName: string;
  /** Name of the partition (HASH) key, a string (`S`) attribute. */
  readonly partitionKey: string;
  /** Name of the sort (RANGE) key, a string (`S`) attribute. Default: no sort key. */
  readonly sortKey?: string;
  /** Turns on the table's stream with this view type (`NEW_AND_OLD_IMAGES`, …). Default: no stream. */
  readonly stream?: StreamViewType;
}

/** A table {@link createTable} created, ACTIVE. */
export interface CreatedTable {
  readonly tableName: string;
  readonly tableArn: string;
  /** The stream's ARN (`LatestStreamArn`) when the table has a stream. */
  readonly streamArn?: string;
}

/**
 * Creates an on-demand DynamoDB table with string keys (and, if asked, a stream), waits until it
 * is ACTIVE, and returns its ARN and its stream's ARN. CreateTable's own errors (a table that
 * exists) reach the caller unchanged.
 *
 * @throws ResourceNotReadyError when the table (with its stream, if asked for) is not ACTIVE within `timeoutMs`
 * @example
 * ```ts
 * const { streamArn } = await createTable(dynamodb, {
 *   tableName: 'UnicornSensorData',
 *   partitionKey: 'Name',
 *   sortKey: 'StatusTime',
 *   stream: 'NEW_AND_OLD_IMAGES',
 * });
 * const records = await readDynamoDbStream(streams, streamArn);
 * ```
 */
export async function createTable(client: DynamoDBClient, options: CreateTableOptions & { stream: StreamViewType }): Promise<CreatedTable & { streamArn: string }>;
export async function createTable(client: DynamoDBClient, options: CreateTableOptions): Promise<CreatedTable>;
export async function createTable(client: DynamoDBClient, options: CreateTableOptions): Promise<CreatedTable> {
  const { tableName, stream } = options;
  const keys = [options.partitionKey, ...(options.sortKey === undefined ? [] : [options.sortKey])];
  const { TableDescription: created } = await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keys.map((name, index) => ({ AttributeName: name, KeyType: index === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: keys.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ...(stream === undefined ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: stream } }),
    }),
  );
  // ACTIVE counts only once the stream (if asked for) has its ARN.
  const statusOf = (table: TableDescription | undefined): string | undefined =>
    table?.TableStatus === 'ACTIVE' && stream !== undefined && table.LatestStreamArn === undefined ? 'ACTIVE without a stream ARN' : table?.TableStatus;
  const table =
    statusOf(created) === 'ACTIVE'
      ? created
      : await pollStatus(
          `DynamoDB table ${tableName}`,
          'ACTIVE',
          async () => {
            const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
            return { status: statusOf(Table), value: Table };
          },
          options,
        );
  const streamArn = table?.LatestStreamArn;
  return { tableName, tableArn: table?.TableArn ?? '', ...(streamArn === undefined ? {} : { streamArn }) };
}
