import { describe, expect, it } from 'vitest';
import { rawEntrySizeBytes, validatePutEventsEntry, type EntryValidationContext } from '../../src/eventbridge/put-events-entry';

const context: EntryValidationContext = { eventBusExists: (name) => name === 'default' || name === 'rides' };
const valid = { Source: 'wildrydes.rides', DetailType: 'RideCompleted', Detail: '{"rideId":"r-1"}' };

describe('validatePutEventsEntry', () => {
  it('accepts a valid entry with its parsed detail, bus and AWS-counted size', () => {
    // Act
    const result = validatePutEventsEntry({ ...valid, Time: 1_795_255_200.5, Resources: ['arn:x'], EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/rides' }, context);

    // Assess
    expect(result).toEqual({
      ok: true,
      input: { ...valid, Time: new Date('2026-11-21T10:00:00.500Z'), Resources: ['arn:x'], EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/rides' },
      eventBusName: 'rides',
      detail: { rideId: 'r-1' },
      sizeBytes: 14 + 15 + 13 + 16 + 5,
    });
  });

  it.each([
    ['a non-object entry', 'oops', 'InvalidArgument', 'Parameter Entry is not valid. Reason: Entry must be a JSON object.'],
    ['a missing Source', { ...valid, Source: undefined }, 'InvalidArgument', 'Parameter Source is not valid. Reason: Source is a required argument.'],
    ['an empty DetailType', { ...valid, DetailType: '' }, 'InvalidArgument', 'Parameter DetailType is not valid. Reason: DetailType is a required argument.'],
    ['a null Detail', { ...valid, Detail: null }, 'InvalidArgument', 'Parameter Detail is not valid. Reason: Detail is a required argument.'],
    ['a non-string Detail', { ...valid, Detail: { rideId: 'r-1' } }, 'InvalidArgument', 'Parameter Detail is not valid. Reason: Detail must be a string.'],
    ['Resources with a null', { ...valid, Resources: [null] }, 'InvalidArgument', 'Parameter Resources is not valid. Reason: Resources must be a list of strings.'],
    ['an unreadable Time', { ...valid, Time: 'yesterday' }, 'InvalidArgument', 'Parameter Time is not valid. Reason: Time must be a timestamp.'],
    ['an aws. source', { ...valid, Source: 'aws.s3' }, 'NotAuthorizedForSourceException', 'Not authorized for the source.'],
    ['a JSON array detail', { ...valid, Detail: '[]' }, 'MalformedDetail', 'Detail is malformed.'],
    ['a JSON null detail', { ...valid, Detail: 'null' }, 'MalformedDetail', 'Detail is malformed.'],
    ['a bus that does not exist', { ...valid, EventBusName: 'nope' }, 'ResourceNotFoundException', 'Event bus nope does not exist.'],
  ])('rejects %s', (_case, entry, errorCode, errorMessage) => {
    // Act
    const result = validatePutEventsEntry(entry, context);

    // Assess
    expect(result).toEqual({ ok: false, errorCode, errorMessage });
  });

  it('sizes an accepted entry in UTF-8 bytes', () => {
    // Prepare: Source + DetailType + Detail = 1 + 1 + '{"k":"€"}' (11 bytes, '€' is 3) = 13 bytes.
    const entry = { Source: 's', DetailType: 't', Detail: '{"k":"€"}' };

    // Act
    const result = validatePutEventsEntry(entry, context);

    // Assess
    expect(result).toMatchObject({ ok: true, sizeBytes: 13 });
  });
});

describe('rawEntrySizeBytes', () => {
  it.each([
    ['a complete entry, Time as 14 bytes', { Source: 's', DetailType: 't', Detail: '{"k":"€"}', Time: 1, Resources: ['ab'] }, 29],
    ['an entry missing fields, from what is there', { Detail: '{}' }, 2],
    ['fields of the wrong type as absent', { Source: 5, DetailType: 't', Resources: ['r', 7] }, 2],
    ['something that is not an object as 0', 'text', 0],
  ])('counts %s', (_case, entry, expected) => {
    // Act
    const size = rawEntrySizeBytes(entry);

    // Assess
    expect(size).toBe(expected);
  });
});
