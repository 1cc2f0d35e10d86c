export * from './function-declaration.js';
export { BundleNotFoundError, InfraError, PlatformConfigError } from './errors.js';
export { findWorkspaceRoot, resolveBundleDirectory } from './workspace-paths.js';
export { createPlatformKey, type PlatformKeyProps } from './platform-key.js';
export { QuarantineStorage, type QuarantineStorageProps } from './quarantine-storage.js';
export { PLATFORM_STACK_NAME, PlatformStack, type PlatformStackProps } from './platform-stack.js';
export { PlatformImports } from './platform-imports.js';
export { createStreamEventSource } from './stream-event-source.js';
export { StreamConsumerAlarms, type StreamConsumerAlarmsProps } from './stream-consumer-alarms.js';
export {
  FUNCTION_RUNTIME,
  StreamConsumerFunction,
  type StreamConsumerFunctionProps,
} from './stream-consumer-function.js';
export { applyNagChecks, suppressKmsGrantWildcards } from './nag.js';
