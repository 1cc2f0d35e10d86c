import { describe } from 'vitest';
import type { MatchCase } from '../fixtures.js';
import { itMatchesEachCase } from '../match-table.js';

const metrics = {
  source: ['aws.cloudwatch'],
  $or: [
    { metricName: ['CPUUtilization', 'ReadLatency'] },
    { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'] },
    { scope: ['Service'] },
  ],
};

const cases: MatchCase[] = [
  { name: 'first alternative', pattern: metrics, event: { source: 'aws.cloudwatch', metricName: 'ReadLatency' }, matches: true },
  { name: 'an alternative with an AND inside', pattern: metrics, event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES' }, matches: true },
  { name: 'an alternative with an AND inside, half satisfied', pattern: metrics, event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' }, matches: false },
  { name: 'last alternative', pattern: metrics, event: { source: 'aws.cloudwatch', scope: 'Service' }, matches: true },
  { name: 'no alternative', pattern: metrics, event: { source: 'aws.cloudwatch', scope: 'Account' }, matches: false },
  {
    name: 'parallel $or at two levels: both must hold',
    pattern: {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    },
    event: { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } },
    matches: true,
  },
  {
    name: 'parallel $or at two levels: the nested one fails',
    pattern: {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    },
    event: { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } },
    matches: false,
  },
  {
    name: 'nested $or inside an alternative',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1000 },
    matches: true,
  },
  {
    name: 'exists false inside $or: field missing',
    pattern: { $or: [{ discount: [{ exists: false }] }, { discount: [0] }] },
    event: { price: 3 },
    matches: true,
  },
  {
    name: 'exists false inside $or: field present with the listed value',
    pattern: { $or: [{ discount: [{ exists: false }] }, { discount: [0] }] },
    event: { discount: 0 },
    matches: true,
  },
  {
    name: 'exists false inside $or: field present with another value',
    pattern: { $or: [{ discount: [{ exists: false }] }, { discount: [0] }] },
    event: { discount: 10 },
    matches: false,
  },
  {
    name: 'alternatives reaching into an array stay inside one element',
    pattern: { items: { $or: [{ sku: ['a'], qty: [1] }, { sku: ['b'], qty: [2] }] } },
    event: { items: [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 1 }] },
    matches: false,
  },
  {
    name: 'alternatives reaching into an array: one element satisfies one alternative',
    pattern: { items: { $or: [{ sku: ['a'], qty: [1] }, { sku: ['b'], qty: [2] }] } },
    event: { items: [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 2 }] },
    matches: true,
  },
];

describe('$or', () => {
  itMatchesEachCase(cases);
});
