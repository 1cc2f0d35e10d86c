export { startFaultProxy, InvalidFaultProxyOptionsError, type FaultProxyOptions, type RunningFaultProxy } from './fault-proxy';
export { FAULT_PROFILES, InvalidFaultPlanError, assertFaultPlan, type FaultPlan, type FaultProfileName } from './fault-plan';
export { FaultDecider } from './fault-decider';
export type { ActiveOutage } from './outage';
export { FAULT_KINDS, FAULT_SERVICES, type FaultCounts, type FaultKind, type FaultService, type InjectedFault, type OutageKind } from './types';
