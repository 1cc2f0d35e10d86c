import type { DynamoDBRecord } from 'aws-lambda';

export const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/UnicornSensorData/stream/2026-11-21T10:00:00.000';
/** 2026-11-21T10:00:05Z, as Lambda delivers ApproximateCreationDateTime: epoch seconds. */
export const CREATED_SECONDS = 1_795_255_205;

export const reading = (overrides: Record<string, unknown> = {}) => ({
  Name: 'Shadowfax',
  StatusTime: '2026-11-21T10:00:00.000Z',
  Latitude: 47.61,
  Longitude: -122.33,
  Distance: 12.5,
  HealthPoints: 140,
  MagicPoints: 120,
  ...overrides,
});

/** A plain object as a DynamoDB image: strings to `S`, numbers to `N` (as DynamoDB writes them). */
export function image(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [name, typeof value === 'number' ? { N: String(value) } : { S: value }]),
  );
}

const keysOf = (item: Record<string, unknown>) => image({ Name: item['Name'], StatusTime: item['StatusTime'] });

/** The SequenceNumber of the test record at `sequence` (DynamoDB's are 21+ digit decimal strings). */
export const sequenceNumberOf = (sequence: number) => (100_000_000_000_000_000_000n + BigInt(sequence)).toString();

interface Change {
  sequence: number;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  userIdentity?: unknown;
}

/** A DynamoDB stream record of UnicornSensorData (view NEW_AND_OLD_IMAGES) as Lambda delivers it. */
export function streamRecord({ sequence, before, after, userIdentity }: Change): DynamoDBRecord {
  const eventName = before && after ? 'MODIFY' : after ? 'INSERT' : 'REMOVE';
  const keyItem = after ?? before ?? {};
  return {
    eventID: `c0ffee${String(sequence).padStart(26, '0')}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: CREATED_SECONDS,
      Keys: keysOf(keyItem) as never,
      ...(after ? { NewImage: image(after) as never } : {}),
      ...(before ? { OldImage: image(before) as never } : {}),
      SequenceNumber: sequenceNumberOf(sequence),
      SizeBytes: 180,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: STREAM_ARN,
    ...(userIdentity === undefined ? {} : { userIdentity }),
  };
}

export const insert = (sequence: number, after: Record<string, unknown>) => streamRecord({ sequence, after });
export const modify = (sequence: number, before: Record<string, unknown>, after: Record<string, unknown>) =>
  streamRecord({ sequence, before, after });
export const remove = (sequence: number, before: Record<string, unknown>, userIdentity?: unknown) =>
  streamRecord({ sequence, before, userIdentity });

/** The `userIdentity` of a removal by DynamoDB's TTL. */
export const TTL_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
