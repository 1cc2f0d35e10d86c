export * from './nag-findings.js';
