import { describe, expect, it } from 'vitest';
import type { _Record as DynamoDbStreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { compilePattern } from '@wildrydes/event-patterns';
import { dynamoDbStreamEventFromRecords } from '@wildrydes/emulators';
import { dynamoDbCodec, dynamoDbFilterView } from '../../src/event-source-mapping/record-codecs.js';

const streamArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/UnicornSensorData/stream/2026-11-21T10:00:00.000';

const record: DynamoDbStreamRecord = {
  eventID: 'c0ffee-1',
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'ddblocal',
  dynamodb: {
    ApproximateCreationDateTime: new Date('2026-11-21T10:00:30.250Z'),
    Keys: { Name: { S: 'Shadowfax' }, StatusTime: { S: '2026-11-21T10:00:30.000Z' } },
    NewImage: { Name: { S: 'Shadowfax' }, HealthPoints: { N: '12' } },
    SequenceNumber: '000000000000000000042',
    SizeBytes: 64,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
};

/** Whether the mapping's filter, built from one pattern, lets the record through. */
const passes = (pattern: Record<string, unknown>) => {
  const matches = compilePattern(pattern);
  return dynamoDbCodec((view) => matches(view), { streamArn }).passesFilters(record);
};

describe('dynamoDbFilterView (Lambda "Filtering DynamoDB events": filters see the record the function receives)', () => {
  it('is the record exactly as it is delivered in the event', () => {
    // Act
    const view = dynamoDbFilterView(record, { streamArn });

    // Assess
    expect(view).toEqual(dynamoDbStreamEventFromRecords([record], { streamArn }).Records[0]);
  });

  it('lets filters test eventID, eventSourceARN and awsRegion', () => {
    // Act / Assess
    expect(passes({ eventID: ['c0ffee-1'] })).toBe(true);
    expect(passes({ eventID: ['other'] })).toBe(false);
    expect(passes({ eventSourceARN: [streamArn] })).toBe(true);
    expect(passes({ eventSourceARN: [{ prefix: 'arn:aws:dynamodb:ddblocal:000000000000:table/Other/' }] })).toBe(false);
    expect(passes({ awsRegion: ['us-east-1'] })).toBe(true);
  });

  it('lets filters compare ApproximateCreationDateTime as epoch seconds, fraction included', () => {
    // Act / Assess
    expect(passes({ dynamodb: { ApproximateCreationDateTime: [{ numeric: ['>', 1_795_255_230.2] }] } })).toBe(true);
    expect(passes({ dynamodb: { ApproximateCreationDateTime: [{ numeric: ['>', 1_795_255_230.3] }] } })).toBe(false);
    expect(passes({ dynamodb: { ApproximateCreationDateTime: [{ exists: true }], NewImage: { HealthPoints: { N: ['12'] } } } })).toBe(true);
  });
});
