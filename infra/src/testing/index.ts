export * from './nag-findings.js';
export * from './synthesize-stack.js';
export * from './template-data.js';
export * from './stream-failure-wiring.js';
