/**
 * The sample EC2 instance state-change notification the EventBridge content-filtering guide and
 * EventBridge's matching engine use throughout their examples.
 */
export const EC2_STATE_CHANGE_EVENT = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
} as const;

/** Returns a copy of the sample event with `detail` fields replaced (undefined removes one). */
export function withDetail(changes: Record<string, unknown>): Record<string, unknown> {
  const detail: Record<string, unknown> = { ...EC2_STATE_CHANGE_EVENT.detail };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete detail[key];
    else detail[key] = value;
  }
  return { ...EC2_STATE_CHANGE_EVENT, detail };
}

/** One row of a table-driven matching test. */
export interface MatchCase {
  readonly name: string;
  readonly pattern: unknown;
  readonly event: unknown;
  readonly matches: boolean;
}
