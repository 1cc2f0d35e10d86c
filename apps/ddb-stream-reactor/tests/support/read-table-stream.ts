import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * Reads every record of a DynamoDB table's stream (each shard from TRIM_HORIZON) with the
 * DynamoDB Streams API, as the event source mapping's poller does. An open shard always hands out
 * a next iterator, so reading a shard stops at its first empty page: its tip.
 *
 * @example
 * ```ts
 * const records = await readTableStream(new DynamoDBStreamsClient({}), streamArn);
 * const event = dynamoDbStreamEventFromRecords(records, { streamArn });
 * ```
 */
export async function readTableStream(client: DynamoDBStreamsClient, streamArn: string): Promise<_Record[]> {
  const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records: _Record[] = [];
  for (const { ShardId } of StreamDescription?.Shards ?? []) {
    const start = await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    for (let iterator = start.ShardIterator; iterator !== undefined; ) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const batch = page.Records ?? [];
      records.push(...batch);
      iterator = batch.length > 0 ? page.NextShardIterator : undefined;
    }
  }
  return records;
}
