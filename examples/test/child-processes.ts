import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
/** tsx as a URL for `node --import`, so no child depends on its cwd to find it. */
const TSX = pathToFileURL(require.resolve("tsx")).href;
/** The program `npx sagerun-emulator` runs, loading the emulator's TypeScript source as `pnpm emulator` does. */
const EMULATOR_BIN = join(dirname(require.resolve("@sagerun/emulator/package.json")), "bin/sagerun-emulator.js");
/** What `pnpm example` runs. */
const RUN_EXAMPLE = fileURLToPath(new URL("../run.ts", import.meta.url));

/** Node on a TypeScript entry point, from the workspace's sources: one process, so a signal reaches the program itself. */
const nodeArgs = (entry: string, args: readonly string[]): string[] => ["--conditions=@sagerun/source", "--import", TSX, entry, ...args];

/** A child process whose output is kept, a line an entry. */
export interface Child {
  readonly process: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** How it ended: an exit code, or the signal that killed it. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  /** Everything it printed, for a failure message. */
  output(): string;
}

function start(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, nodeArgs(entry, args), { env, stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => stdout.push(line));
  createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  const exited = once(child, "close").then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return { process: child, stdout, stderr, exited, output: () => `stdout:\n${stdout.join("\n")}\nstderr:\n${stderr.join("\n")}` };
}

/** `pnpm example <args>` as its own process, with exactly `env`. */
export function startExample(args: readonly string[], env: NodeJS.ProcessEnv): Child {
  return start(RUN_EXAMPLE, args, env);
}

/** A running `sagerun-emulator serve`. */
export interface EmulatorServer {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL. */
  readonly url: string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `sagerun-emulator serve --port 0 <args>` and waits for its `listening on <url>` line. */
export async function startEmulatorServer(args: readonly string[]): Promise<EmulatorServer> {
  const server = start(EMULATOR_BIN, ["serve", "--port", "0", ...args], { ...process.env });
  const listening = async (): Promise<string> => {
    for (;;) {
      const url = /^listening on (http:\/\/\S+)$/.exec(server.stdout[0] ?? "")?.[1];
      if (url !== undefined) return url;
      if (server.process.exitCode !== null) throw new Error(`sagerun-emulator serve exited before listening.\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const url = await listening();
  return {
    url,
    async stop() {
      if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill("SIGTERM");
      await server.exited;
    },
  };
}

/** Kills whatever is still running of `children` (a failed test must not leave them behind). */
export function killAll(children: Iterable<Child>): void {
  for (const { process: child } of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
