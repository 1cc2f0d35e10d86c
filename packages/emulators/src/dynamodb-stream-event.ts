import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** Where the records came from, as Lambda's event source mapping reports it. */
export interface DynamoDbStreamEventSource {
  /** The table's stream ARN (`LatestStreamArn`). */
  streamArn: string;
  /** `awsRegion` of each record; default: the region in the ARN, else `us-east-1`. */
  region?: string;
}

/**
 * Builds the `DynamoDBStreamEvent` Lambda delivers for records read with the DynamoDB Streams
 * GetRecords API. Each record is what the function receives and also what Lambda's filter
 * criteria test (they can test every field of it: "Filtering DynamoDB events" and "Control which
 * events Lambda sends to your function" in the Lambda developer guide): the GetRecords fields,
 * `eventSourceARN` and `awsRegion` added, and `dynamodb.ApproximateCreationDateTime` as epoch
 * seconds, a number with any fraction kept (the SDK hands it over as a `Date`; the example records
 * in the guide's "Filtering DynamoDB events" and in Powertools' DynamoDB stream schema show floats
 * such as `1678831218.0`), never truncated: a filter on it sees what Lambda's filter sees.
 *
 * @example
 * ```ts
 * const { Records = [] } = await streams.send(new GetRecordsCommand({ ShardIterator }));
 * const event = dynamoDbStreamEventFromRecords(Records, { streamArn });
 * event.Records[0].dynamodb?.ApproximateCreationDateTime; // 1795255230.25 for 2026-11-21T10:00:30.250Z
 * ```
 */
export function dynamoDbStreamEventFromRecords(records: readonly _Record[], source: DynamoDbStreamEventSource): DynamoDBStreamEvent {
  return { Records: records.map((record) => recordForLambda(record, source)) };
}

function recordForLambda(record: _Record, source: DynamoDbStreamEventSource): DynamoDBRecord {
  const arnRegion = source.streamArn.split(':')[3];
  const awsRegion = source.region ?? (arnRegion && arnRegion !== 'ddblocal' ? arnRegion : 'us-east-1');
  const change = record.dynamodb ?? {};
  const created = change.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion,
    eventSourceARN: source.streamArn,
    ...(record.userIdentity ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } } : {}),
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: created.getTime() / 1000 } : {}),
      Keys: change.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      ...(change.NewImage ? { NewImage: change.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } : {}),
      ...(change.OldImage ? { OldImage: change.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'] } : {}),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
    },
  };
}
