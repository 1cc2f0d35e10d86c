import { describe, expect, it } from 'vitest';
import { matchesPattern, parsePattern } from '../../src/index.js';
import { EC2_STATE_CHANGE_EVENT as EVENT, withDetail, type MatchCase } from '../fixtures.js';

// Examples from the EventBridge user guide ("Amazon EventBridge event patterns", "Content filtering
// in Amazon EventBridge event patterns", "Arrays in event patterns", "Matching on null values and
// empty strings") and EventBridge's matching engine, against the guide's sample event.
const sampleEventCases: MatchCase[] = [
  {
    name: 'simple matching: detail-type, resources and one of two states',
    pattern: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    },
    event: EVENT,
    matches: true,
  },
  {
    name: 'simple matching fails when no listed state is the event state',
    pattern: { detail: { state: ['initializing', 'stopped'] } },
    event: EVENT,
    matches: false,
  },
  { name: 'prefix matching on time', pattern: { time: [{ prefix: '2017-10-02' }] }, event: EVENT, matches: true },
  { name: 'prefix matching on a different day', pattern: { time: [{ prefix: '2017-10-03' }] }, event: EVENT, matches: false },
  {
    name: 'prefix example: auto scaling events from European regions does not match an EC2 event in us-east-1',
    pattern: { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
    event: EVENT,
    matches: false,
  },
  { name: 'suffix matching on source', pattern: { source: [{ suffix: 'ec2' }] }, event: EVENT, matches: true },
  {
    name: 'equals-ignore-case "EC2" does not equal "aws.ec2" (it is equality, not containment)',
    pattern: { source: [{ 'equals-ignore-case': 'EC2' }] },
    event: EVENT,
    matches: false,
  },
  { name: 'equals-ignore-case "AWS.EC2"', pattern: { source: [{ 'equals-ignore-case': 'AWS.EC2' }] }, event: EVENT, matches: true },
  {
    name: 'equals-ignore-case on detail-type',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but a string',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: EVENT,
    matches: true,
  },
  { name: 'anything-but a number', pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, event: EVENT, matches: true },
  {
    name: 'anything-but a list of strings',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but a list of strings that holds the value',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } },
    event: EVENT,
    matches: false,
  },
  {
    name: 'anything-but a list of numbers',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but a prefix',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but a prefix the value has',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'run' } }] } },
    event: EVENT,
    matches: false,
  },
  {
    name: 'anything-but example: everything except CloudTrail API calls',
    pattern: { 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but example: not from EC2 or S3',
    pattern: { source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] },
    event: EVENT,
    matches: false,
  },
  {
    name: 'anything-but example: only your own events (source not starting with "aws.")',
    pattern: { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    event: EVENT,
    matches: false,
  },
  {
    name: 'numeric matching: every field in range',
    pattern: {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    },
    event: EVENT,
    matches: true,
  },
  {
    name: 'numeric matching: one field out of range fails the whole pattern',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<', 5] }], 'd-count': [{ numeric: ['<', 10] }] } },
    event: EVENT,
    matches: false,
  },
  { name: 'IP address matching', pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, event: EVENT, matches: true },
  { name: 'IP address matching outside the block', pattern: { detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } }, event: EVENT, matches: false },
  { name: 'exists true on a present field', pattern: { detail: { 'c-count': [{ exists: true }] } }, event: EVENT, matches: true },
  { name: 'exists false on a present field', pattern: { detail: { 'c-count': [{ exists: false }] } }, event: EVENT, matches: false },
  {
    name: 'existence example: events with a description field',
    pattern: { detail: { description: [{ exists: true }] } },
    event: EVENT,
    matches: false,
  },
  {
    name: 'complex example combining prefix, anything-but, numeric and cidr',
    pattern: {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    },
    event: EVENT,
    matches: true,
  },
  {
    name: 'complex example fails when the state is excluded',
    pattern: {
      time: [{ prefix: '2017-10-02' }],
      detail: { state: [{ 'anything-but': 'running' }], 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
    },
    event: EVENT,
    matches: false,
  },
  {
    name: '$or: c-count or d-count or x-limit',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: withDetail({ 'c-count': 50, 'd-count': 50 }),
    matches: true,
  },
  {
    name: '$or: no alternative holds',
    pattern: { detail: { $or: [{ 'c-count': [{ numeric: ['>', 10] }] }, { state: ['stopped'] }] } },
    event: EVENT,
    matches: false,
  },
  {
    name: 'wildcard on the instance ARN',
    pattern: { resources: [{ wildcard: 'arn:aws:ec2:us-east-1:*:instance/*' }] },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but wildcard on the instance ARN',
    pattern: { resources: [{ 'anything-but': { wildcard: 'arn:aws:ec2:*:instance/*' } }] },
    event: EVENT,
    matches: false,
  },
  {
    name: 'prefix with equals-ignore-case on the source',
    pattern: { source: [{ prefix: { 'equals-ignore-case': 'AWS.' } }] },
    event: EVENT,
    matches: true,
  },
  {
    name: 'suffix with equals-ignore-case on the instance id',
    pattern: { detail: { 'instance-id': [{ suffix: { 'equals-ignore-case': 'AAAAAA00000' } }] } },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but equals-ignore-case with a list',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
    event: EVENT,
    matches: true,
  },
  {
    name: 'anything-but equals-ignore-case holding the value in another case',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'RUNNING' } }] } },
    event: EVENT,
    matches: false,
  },
  {
    name: 'anything-but suffix',
    pattern: { detail: { 'instance-id': [{ 'anything-but': { suffix: '00000' } }] } },
    event: EVENT,
    matches: false,
  },
  {
    name: 'top-level fields (account, region, id, version) are plain fields',
    pattern: { account: ['012345679012'], region: ['us-east-1'], id: [{ prefix: 'ddddd4-' }], version: ['0'] },
    event: EVENT,
    matches: true,
  },
  {
    name: 'numbers given as strings are not numbers: "0" version is not the number 0',
    pattern: { version: [0] },
    event: EVENT,
    matches: false,
  },
];

// The exists examples from the guide are written against events whose values are arrays.
const existsDocsCases: MatchCase[] = [
  {
    name: 'exists false matches an event without detail.c-count',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    },
    matches: true,
  },
  {
    name: 'exists false also matches when c-count is an object, because c-count is not a leaf',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } },
    },
    matches: true,
  },
  {
    name: 'exists true does not match an intermediate node (c-count holds an object)',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: { detail: { 'c-count': { c1: 100 } } },
    matches: false,
  },
];

const nullAndEmptyEvent = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

const nullAndEmptyCases: MatchCase[] = [
  { name: 'empty string matches ""', pattern: { detail: { eventVersion: [''] } }, event: nullAndEmptyEvent, matches: true },
  { name: 'null matches null', pattern: { detail: { responseElements: [null] } }, event: nullAndEmptyEvent, matches: true },
  {
    name: 'null and the empty string are not interchangeable (empty string vs null)',
    pattern: { detail: { responseElements: [''] } },
    event: nullAndEmptyEvent,
    matches: false,
  },
  {
    name: 'null and the empty string are not interchangeable (null vs empty string)',
    pattern: { detail: { eventVersion: [null] } },
    event: nullAndEmptyEvent,
    matches: false,
  },
  {
    name: '[choice] an empty resources array has no values, so exists false holds',
    pattern: { resources: [{ exists: false }] },
    event: nullAndEmptyEvent,
    matches: true,
  },
];

const arrayCases: MatchCase[] = [
  {
    name: 'arrays: a pattern array and an event array match when they intersect',
    pattern: {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    },
    event: {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    },
    matches: true,
  },
  {
    name: 'arrays: no common element',
    pattern: { resources: ['arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f'] },
    event: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] },
    matches: false,
  },
  {
    name: 'event patterns page: EC2 instance termination',
    pattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } },
    event: {
      version: '0',
      id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      'detail-type': 'EC2 Instance State-change Notification',
      source: 'aws.ec2',
      account: '111122223333',
      time: '2017-12-22T18:43:48Z',
      region: 'us-west-1',
      resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
      detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
    },
    matches: true,
  },
  {
    name: 'event patterns page: matching on more than one source',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    event: { source: 'aws.fargate' },
    matches: true,
  },
  {
    name: 'array of objects: a nested pattern matches inside one element',
    pattern: { employees: { firstName: ['Anna'] } },
    event: { employees: [{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }] },
    matches: true,
  },
  {
    name: 'array of objects: fields from different elements do not combine (Anna Jones)',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
    event: {
      employees: [
        [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones' }],
      ],
    },
    matches: false,
  },
  {
    name: 'arrays of arrays of objects are flattened (Peter Jones)',
    pattern: { employees: { firstName: ['Peter'], lastName: ['Jones'] } },
    event: {
      employees: [
        [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones' }],
      ],
    },
    matches: true,
  },
];

const operatorTableCases: MatchCase[] = [
  { name: 'operators table: And', pattern: { Location: ['New York'], Day: ['Monday'] }, event: { Location: 'New York', Day: 'Monday' }, matches: true },
  { name: 'operators table: And fails on one field', pattern: { Location: ['New York'], Day: ['Monday'] }, event: { Location: 'New York', Day: 'Friday' }, matches: false },
  { name: 'operators table: Region is not in the US', pattern: { Region: [{ 'anything-but': { prefix: 'us-' } }] }, event: { Region: 'eu-west-1' }, matches: true },
  { name: 'operators table: FileName does not end with .png', pattern: { FileName: [{ 'anything-but': { suffix: '.png' } }] }, event: { FileName: 'image.png' }, matches: false },
  { name: 'operators table: FilePath does not include /lib/', pattern: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, event: { FilePath: '/usr/lib/x.so' }, matches: false },
  { name: 'operators table: FilePath outside /lib/', pattern: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, event: { FilePath: '/usr/bin/x' }, matches: true },
  { name: 'operators table: Region is in the US', pattern: { Region: [{ prefix: 'us-' }] }, event: { Region: 'us-east-2' }, matches: true },
  { name: 'operators table: service begins with eventb in any case', pattern: { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] }, event: { service: 'EventBridge' }, matches: true },
  { name: 'operators table: LastName is empty', pattern: { LastName: [''] }, event: { LastName: '' }, matches: true },
  { name: 'operators table: Name is Alice', pattern: { Name: ['Alice'] }, event: { Name: 'Alice' }, matches: true },
  { name: 'operators table: Name is alice ignoring case', pattern: { Name: [{ 'equals-ignore-case': 'alice' }] }, event: { Name: 'ALICE' }, matches: true },
  { name: 'operators table: FileName ends with .png', pattern: { FileName: [{ suffix: '.png' }] }, event: { FileName: 'a.png' }, matches: true },
  { name: 'operators table: service ends with tbridge in any case', pattern: { service: [{ suffix: { 'equals-ignore-case': 'tbridge' } }] }, event: { service: 'EVENTBRIDGE' }, matches: true },
  { name: 'operators table: ProductName exists', pattern: { ProductName: [{ exists: true }] }, event: { ProductName: 'Unicorn' }, matches: true },
  { name: 'operators table: ProductName does not exist', pattern: { ProductName: [{ exists: false }] }, event: { Other: 1 }, matches: true },
  { name: 'operators table: Weather is anything but Raining', pattern: { Weather: [{ 'anything-but': ['Raining'] }] }, event: { Weather: 'Sunny' }, matches: true },
  { name: 'operators table: UserID is null', pattern: { UserID: [null] }, event: { UserID: null }, matches: true },
  { name: 'operators table: Price is 100', pattern: { Price: [{ numeric: ['=', 100] }] }, event: { Price: 100 }, matches: true },
  { name: 'operators table: Price is more than 10 and at most 20', pattern: { Price: [{ numeric: ['>', 10, '<=', 20] }] }, event: { Price: 20 }, matches: true },
  { name: 'operators table: PaymentType is Credit or Debit', pattern: { PaymentType: ['Credit', 'Debit'] }, event: { PaymentType: 'Debit' }, matches: true },
  {
    name: 'operators table: Location is New York or Day is Monday',
    pattern: { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    event: { Location: 'Boston', Day: 'Monday' },
    matches: true,
  },
  { name: 'operators table: any .png file in the folder dir', pattern: { FileName: [{ wildcard: 'dir/*.png' }] }, event: { FileName: 'dir/unicorn.png' }, matches: true },
  { name: 'operators table: a .png outside dir', pattern: { FileName: [{ wildcard: 'dir/*.png' }] }, event: { FileName: 'other/unicorn.png' }, matches: false },
  {
    name: 'wildcard example: any event bus ARN in us-east-1',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' },
    matches: true,
  },
  {
    name: '$or example: source and (metricName or namespace)',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    },
    event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
    matches: true,
  },
  {
    name: '$or example: source must still match',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    },
    event: { source: 'aws.ec2', namespace: 'AWS/ES' },
    matches: false,
  },
];

describe.each([
  ['sample EC2 state-change event', sampleEventCases],
  ['exists on intermediate nodes', existsDocsCases],
  ['null values and empty strings', nullAndEmptyCases],
  ['arrays', arrayCases],
  ['comparison operators table', operatorTableCases],
])('EventBridge documentation examples: %s', (_group, cases) => {
  it.each(cases)('$name', ({ pattern, event, matches }) => {
    // Prepare
    const compiled = parsePattern(pattern);
    const text = JSON.stringify(pattern);

    // Act
    const fromCompiled = compiled.matches(event);
    const fromText = matchesPattern(text, event);

    // Assess
    expect(fromCompiled).toBe(matches);
    expect(fromText).toBe(matches);
  });
});
