/**
 * The declaration of a function: one plain-data object that feeds both its CDK stack and the
 * local runtime. Free of CDK imports, so it is also exported on its own as
 * `@wildrydes/infra/function-declaration`.
 */
export type {
  DynamoDbStreamTrigger,
  EnvValue,
  EventBridgeRuleTrigger,
  EventRuleFunctionDeclaration,
  FunctionDeclaration,
  FunctionTrigger,
  FunctionTriggerType,
  FunctionUrlTrigger,
  HttpFunctionDeclaration,
  KinesisTrigger,
  OwnedTableDeclaration,
  StartingPosition,
  StreamBatchSettings,
  StreamFunctionDeclaration,
  StreamTrigger,
} from './declaration/types.js';
export {
  STREAM_CONSUMER_DEFAULTS,
  resolveTriggerSettings,
  type ResolvedStreamSettings,
  type ResolvedStreamTrigger,
} from './declaration/defaults.js';
export {
  EVENT_RULE_DEFAULTS,
  resolveEventRuleSettings,
  type ResolvedEventRuleTrigger,
} from './declaration/event-rule-defaults.js';
export { validateDeclaration } from './declaration/validate.js';
export { findFunctionDeclarations } from './declaration/discover.js';
export { resolveEnvironment, type PlatformValueResolver } from './declaration/environment.js';
export { BUNDLE_ENTRY_FILE, bundleDirectory } from './declaration/bundle-directory.js';
export { FunctionDeclarationError } from './errors.js';
export * from './platform-parameters.js';
export * from './function-parameters.js';
