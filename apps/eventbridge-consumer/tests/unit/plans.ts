import type { RideCompletedV1, UnicornHealthLowV1 } from '@wildrydes/schemas';
import { planWrite, type WritePlan } from '../../src/write-plan.js';
import { rideCompleted, unicornHealthLow } from '../support/events.js';

export const TABLE = 'UnicornFleetReadModel';

/** The plan of a RideCompleted. */
export const ridePlan = (overrides: Parameters<typeof rideCompleted>[0]): WritePlan =>
  planWrite({ detailType: 'RideCompleted', detail: rideCompleted(overrides) as RideCompletedV1 }, TABLE);

/** The plan of a UnicornHealthLow. */
export const healthPlan = (overrides: Parameters<typeof unicornHealthLow>[0]): WritePlan =>
  planWrite({ detailType: 'UnicornHealthLow', detail: unicornHealthLow(overrides) as UnicornHealthLowV1 }, TABLE);
