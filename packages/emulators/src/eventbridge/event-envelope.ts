import { randomUUID } from 'node:crypto';
import type { ResourceScope } from './arns';
import { formatEventTime } from './event-time';
import type { AcceptedEntry } from './put-events-entry';
import type { BusEvent } from './types';

/**
 * Wraps an accepted PutEvents entry in the envelope EventBridge delivers: `version: '0'`, a new
 * UUID `id`, `detail-type`, `source`, `account`, `time` (the entry's `Time`, else `receivedAt`,
 * in whole seconds), `region`, `resources` and the parsed `detail`.
 *
 * @example
 * ```ts
 * buildEventEnvelope(entry, { accountId: '000000000000', region: 'us-east-1' }, new Date());
 * // { version: '0', id: '6f1c…', 'detail-type': 'RideCompleted', source: 'wildrydes.rides', account: '000000000000',
 * //   time: '2026-11-21T10:00:00Z', region: 'us-east-1', resources: [], detail: { rideId: 'r-1' } }
 * ```
 */
export function buildEventEnvelope(entry: AcceptedEntry, scope: ResourceScope, receivedAt: Date): BusEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.input.DetailType ?? '',
    source: entry.input.Source ?? '',
    account: scope.accountId,
    time: formatEventTime(entry.input.Time ?? receivedAt),
    region: scope.region,
    resources: [...(entry.input.Resources ?? [])],
    detail: entry.detail,
  };
}
