/**
 * `pnpm example <name> [options]`: runs one of the examples as a program. Each example's `main`
 * takes the arguments and resolves with the exit code, so tests run it in-process too.
 */
import { processIo } from "./shared/example-io.js";

// The AWS SDK warns once per process that its 2027 releases will need Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const EXAMPLES: Readonly<Record<string, () => Promise<{ main(args: readonly string[]): Promise<number> }>>> = {
  iris: () => import("./iris/main.js"),
  "batch-inference": () => import("./batch-inference/main.js"),
};

const USAGE = `Usage: pnpm example <name> [options]

Examples: ${Object.keys(EXAMPLES).join(", ")}. \`pnpm example <name> --help\` shows an example's options.`;

const [name, ...args] = process.argv.slice(2);
const load = name !== undefined && Object.hasOwn(EXAMPLES, name) ? EXAMPLES[name] : undefined;
if (name === "--help" || name === "-h") {
  processIo().out(USAGE);
} else if (load === undefined) {
  processIo().err(`${name === undefined ? "Missing the example's name." : `Unknown example '${name}'.`}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  process.exitCode = await (await load()).main(args);
}
