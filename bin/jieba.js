#!/usr/bin/env node
// The `jieba` command. All logic lives in src/cli/main.ts; this file only
// connects it to the process.
import { main } from '../dist/bundle/cli.js';

main(process.argv.slice(2), process).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    // A bug, not bad input: say so briefly, with the stack only on request.
    process.stderr.write(`jieba: internal error: ${error && error.message ? error.message : error}\n`);
    if (process.env.JIEBA_DEBUG) process.stderr.write(`${error && error.stack}\n`);
    process.exitCode = 70;
  },
);
