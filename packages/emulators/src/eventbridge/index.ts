export {
  startEventBridge,
  type EventBridgeOptions,
  type RunningEventBridge,
  type EventBridgeBusApi,
} from './start-eventbridge';
export { LocalEventBridge, type AddRuleOptions, type LocalRule } from './local-event-bridge';
export type { LocalEventBridgeOptions } from './options';
export type { EntryFault, RequestFault } from './fault-injection';
export type { ReceivedRequest } from './request-log';
export type {
  BusEvent,
  BusListener,
  DeadLetterHandler,
  PutEventsEntryInput,
  RetryPolicy,
  RuleCounters,
  RuleTarget,
} from './types';
export {
  EventBridgeEmulatorError,
  EventBridgeApiError,
  EventBridgeValidationError,
  EventBusNotFoundError,
  EventBusAlreadyExistsError,
  RuleNotFoundError,
  RuleAlreadyExistsError,
  TargetLimitExceededError,
  InvalidEventBridgeOptionsError,
  EventDeliveryFailedError,
  type DeliveryFailureReason,
} from './errors';
export { DEFAULT_EVENT_BUS_NAME, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_RETRY_POLICY } from './constants';
export { formatEventTime } from './event-time';
