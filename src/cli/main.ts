#!/usr/bin/env node
// The `cs-metrics` executable.
import { run } from './run.js';

// Writing the result can fail after the command has finished. A reader that stops early (`cs-metrics report …
// | head`) closes the pipe: that is not an error. Anything else (a full disk, `> /dev/full`) is one line on
// stderr and exit code 1, never a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`cs-metrics: cannot write the output: ${error.message}\n`);
  process.exit(1);
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
