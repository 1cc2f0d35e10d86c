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
 * GetRecords API: the same record fields, `ApproximateCreationDateTime` as epoch seconds (the SDK
 * hands it over as a `Date`), and `eventSourceARN` added.
 *
 * @example
 * ```ts
 * const { Records = [] } = await streams.send(new GetRecordsCommand({ ShardIterator }));
 * const event = dynamoDbStreamEventFromRecords(Records, { streamArn });
 * ```
 */
export function dynamoDbStreamEventFromRecords(records: readonly _Record[], source: DynamoDbStreamEventSource): DynamoDBStreamEvent {
  const arnRegion = source.streamArn.split(':')[3];
  const awsRegion = source.region ?? (arnRegion && arnRegion !== 'ddblocal' ? arnRegion : 'us-east-1');
  return {
    Records: records.map((record): DynamoDBRecord => {
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
          ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
          Keys: change.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
          ...(change.NewImage ? { NewImage: change.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } : {}),
          ...(change.OldImage ? { OldImage: change.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'] } : {}),
          SequenceNumber: change.SequenceNumber,
          SizeBytes: change.SizeBytes,
          StreamViewType: change.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
        },
      };
    }),
  };
}
