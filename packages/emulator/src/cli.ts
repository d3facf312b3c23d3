/**
 * @module
 * `@sagerun/emulator/cli`: the `sagerun-emulator` command as a function. Importing this module
 * runs nothing; `main(argv, io)` runs the CLI and resolves with its exit code. The program itself
 * is bin/sagerun-emulator.js, the one place that binds the CLI to a process.
 *
 * @example
 * import { main } from "@sagerun/emulator/cli";
 * process.exitCode = await main(["serve", "--port", "0"]); // until SIGINT/SIGTERM
 */

export { main, processIo } from "./front-doors/cli-main.js";
export type { CliIo } from "./front-doors/cli-main.js";
