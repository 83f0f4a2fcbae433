#!/usr/bin/env node
'use strict';
// The compiled CLI lives in build/ (compiled by `npm ci` through the prepare script, or `npm run build:node`).
let cli;
try {
  cli = require('../build/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /build[\\/]src[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write('selfeval-check: not built yet; run `npm run build:node` (npm ci does it for you)\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv);
