import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** One record as DynamoDB Streams' GetRecords returns it in its JSON protocol. */
export interface GetRecordsRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: string;
  awsRegion: string;
  dynamodb: NonNullable<DynamoDBRecord['dynamodb']>;
  userIdentity?: { type: string; principalId: string };
}

/**
 * Reads every record of a DynamoDB stream (all shards, from TRIM_HORIZON) over the DynamoDB
 * Streams JSON protocol, as the event source mapping's poller does. Raw HTTP rather than
 * `@aws-sdk/client-dynamodb-streams`, which the workspace does not install: the wire format is
 * also exactly what Lambda passes on (ApproximateCreationDateTime in epoch seconds).
 *
 * @param endpoint the DynamoDB Streams endpoint (DynamoDB Local serves it on its own port)
 */
export async function readStream(endpoint: string, streamArn: string): Promise<GetRecordsRecord[]> {
  const { StreamDescription } = await streamsCall<{ StreamDescription: { Shards: Array<{ ShardId: string }> } }>(
    endpoint,
    'DescribeStream',
    { StreamArn: streamArn },
  );
  const records: GetRecordsRecord[] = [];
  for (const { ShardId } of StreamDescription.Shards) {
    let { ShardIterator } = await streamsCall<{ ShardIterator?: string }>(endpoint, 'GetShardIterator', {
      StreamArn: streamArn,
      ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    // An open shard always has a next iterator; an empty page means we are at its tip.
    while (ShardIterator) {
      const page = await streamsCall<{ Records: GetRecordsRecord[]; NextShardIterator?: string }>(endpoint, 'GetRecords', { ShardIterator });
      records.push(...page.Records);
      ShardIterator = page.Records.length > 0 ? page.NextShardIterator : undefined;
    }
  }
  return records;
}

/**
 * Builds the `DynamoDBStreamEvent` Lambda delivers for stream records: each record as GetRecords
 * returned it, plus `eventSourceARN`.
 *
 * @example
 * ```ts
 * const event = dynamoDbStreamEventFromRecords(await readStream(endpoint, streamArn), { streamArn });
 * await handler(event, context);
 * ```
 */
export function dynamoDbStreamEventFromRecords(
  records: readonly GetRecordsRecord[],
  source: { streamArn: string; region?: string },
): DynamoDBStreamEvent {
  return {
    Records: records.map((record) => ({
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion,
      eventSource: record.eventSource,
      awsRegion: source.region ?? record.awsRegion,
      dynamodb: record.dynamodb,
      eventSourceARN: source.streamArn,
      ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
    })),
  };
}

async function streamsCall<T>(endpoint: string, operation: string, payload: unknown): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
      // DynamoDB Local reads only the access key id; the signature is not checked.
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`DynamoDB Streams ${operation} failed with HTTP ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
