import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * Reads every record of a DynamoDB table's stream with the DynamoDB Streams API, each shard from
 * TRIM_HORIZON in the order DescribeStream lists them (parents before children), as the event
 * source mapping's poller does. An open shard always hands out a next iterator, so reading a
 * shard stops at its first empty page: its tip.
 *
 * @example
 * ```ts
 * const { streamArn } = await createTable(dynamodb, { tableName: 'Rides', partitionKey: 'RideId', stream: 'NEW_AND_OLD_IMAGES' });
 * // … writes …
 * const records = await readDynamoDbStream(new DynamoDBStreamsClient({}), streamArn);
 * const event = dynamoDbStreamEventFromRecords(records, { streamArn });
 * ```
 */
export async function readDynamoDbStream(client: DynamoDBStreamsClient, streamArn: string): Promise<_Record[]> {
  const records: _Record[] = [];
  for (const shardId of await listStreamShardIds(client, streamArn)) {
    const start = await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    for (let iterator = start.ShardIterator; iterator !== undefined; ) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const batch = page.Records ?? [];
      records.push(...batch);
      iterator = batch.length > 0 ? page.NextShardIterator : undefined;
    }
  }
  return records;
}

async function listStreamShardIds(client: DynamoDBStreamsClient, streamArn: string): Promise<string[]> {
  const shardIds: string[] = [];
  let exclusiveStartShardId: string | undefined;
  do {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ...(exclusiveStartShardId === undefined ? {} : { ExclusiveStartShardId: exclusiveStartShardId }) }),
    );
    shardIds.push(...(StreamDescription?.Shards ?? []).flatMap(({ ShardId }) => (ShardId === undefined ? [] : [ShardId])));
    exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
  } while (exclusiveStartShardId !== undefined);
  return shardIds;
}
