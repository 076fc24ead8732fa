#!/usr/bin/env node
// Entry point of the `cors-lens` command. The code is built to dist-cli/ (npm run build) and the
// extension it loads to dist/, both beside this folder.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

let cli;
try {
  cli = await import('../dist-cli/cli.js');
} catch (error) {
  process.stderr.write(`cors-lens: the CLI is not built (run npm run build): ${error.message}\n`);
  process.exit(2);
}

try {
  process.exitCode = await cli.main(process.argv.slice(2), {
    extensionPath: fileURLToPath(new URL('dist', root)),
    version,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  // A bug: keep the stack so it can be reported.
  process.stderr.write(`cors-lens: internal error\n${error?.stack ?? error}\n`);
  process.exitCode = 3;
}
