#!/usr/bin/env node
/**
 * The `sagerun-emulator` program (package.json `bin`). Importing this module RUNS the CLI on
 * process.argv; the logic, free of side effects, is `main` in front-doors/cli-main.ts.
 */
import { main, type CliIo } from "./front-doors/cli-main.js";

const stopped = new Promise((resolve) => {
  process.once("SIGINT", resolve);
  process.once("SIGTERM", resolve);
});
const io: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line), stopped };
// No top-level await: tsup also builds this file as CJS.
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
