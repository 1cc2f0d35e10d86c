import type { FaultCounters } from './fault-counters';
import type { FaultDecider } from './fault-decider';
import type { Upstream } from './http-forward';
import type { Outage } from './outage';
import type { FaultKind, FaultService, InjectedFault } from './types';

/** Everything one proxy's request handler works with. */
export interface FaultHandlerContext {
  readonly service: FaultService;
  readonly upstream: Upstream;
  readonly decider: FaultDecider;
  readonly counters: FaultCounters;
  readonly outage: Outage;
  /** Faults queued with `failNext`, taken before the plan is drawn from. */
  readonly forced: FaultKind[];
  readonly operations: (operation: string) => boolean;
  readonly onFault: (fault: InjectedFault) => void;
}
