#!/usr/bin/env node
// `npm run redrive -- --function <name> [options]`: see USAGE in options.ts, or run it with --help.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
