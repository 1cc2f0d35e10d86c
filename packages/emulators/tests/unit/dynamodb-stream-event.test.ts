import { describe, expect, it } from 'vitest';
import { dynamoDbStreamEventFromRecords } from '../../src/index';

const streamArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/UnicornSensorData/stream/2026-11-21T10:00:00.000';

describe('dynamoDbStreamEventFromRecords', () => {
  it('builds the record Lambda delivers: epoch-second creation time, the stream ARN, images as DynamoDB JSON', () => {
    const event = dynamoDbStreamEventFromRecords(
      [
        {
          eventID: 'e-1',
          eventName: 'MODIFY',
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: 'ddblocal',
          dynamodb: {
            ApproximateCreationDateTime: new Date('2026-11-21T10:00:30.000Z'),
            Keys: { Name: { S: 'Shadowfax' }, StatusTime: { S: '2026-11-21T10:00:00.000Z' } },
            NewImage: { Name: { S: 'Shadowfax' }, HealthPoints: { N: '12' } },
            OldImage: { Name: { S: 'Shadowfax' }, HealthPoints: { N: '90' } },
            SequenceNumber: '000000000000000000001',
            SizeBytes: 88,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        },
        {
          eventID: 'e-2',
          eventName: 'REMOVE',
          userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' },
          dynamodb: { Keys: { Name: { S: 'Old' } }, SequenceNumber: '2', SizeBytes: 10, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        },
      ],
      { streamArn },
    );

    expect(event.Records[0]).toEqual({
      eventID: 'e-1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn,
      dynamodb: {
        ApproximateCreationDateTime: 1_795_255_230,
        Keys: { Name: { S: 'Shadowfax' }, StatusTime: { S: '2026-11-21T10:00:00.000Z' } },
        NewImage: { Name: { S: 'Shadowfax' }, HealthPoints: { N: '12' } },
        OldImage: { Name: { S: 'Shadowfax' }, HealthPoints: { N: '90' } },
        SequenceNumber: '000000000000000000001',
        SizeBytes: 88,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(event.Records[1]).toMatchObject({
      eventName: 'REMOVE',
      eventVersion: '1.1',
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      dynamodb: { Keys: { Name: { S: 'Old' } } },
    });
    expect(event.Records[1]!.dynamodb).not.toHaveProperty('NewImage');
  });

  it('keeps the fraction of ApproximateCreationDateTime: epoch seconds as a number, as in the Lambda guide\'s DynamoDB example (1678831218.0)', () => {
    // Act
    const event = dynamoDbStreamEventFromRecords(
      [{ eventID: 'e-3', eventName: 'INSERT', dynamodb: { ApproximateCreationDateTime: new Date('2026-11-21T10:00:30.250Z'), Keys: { Name: { S: 'A' } } } }],
      { streamArn },
    );

    // Assess
    expect(event.Records[0]!.dynamodb?.ApproximateCreationDateTime).toBe(1_795_255_230.25);
  });
});
