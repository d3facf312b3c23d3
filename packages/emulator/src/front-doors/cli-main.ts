/**
 * `sagerun-emulator serve`: the HTTP front door as a command. The logic lives here, free of side
 * effects, so tests and other programs run it in-process; only bin/sagerun-emulator.js binds it to
 * the process (its arguments, signals and exit code).
 */
import { parseArgs } from "node:util";
import { ScaledClock, type Clock } from "@sagerun/transport";
import packageJson from "../../package.json" with { type: "json" };
import { createEmulator, type Emulator } from "../emulator.js";
import type { ImageCode } from "../containers/contract.js";
import { ConfigError, loadConfig, type ConfigOptions } from "./config-file.js";
import { loadImages } from "./images-file.js";
import { startServer, type RunningServer } from "./http-server.js";
import { StateFileError } from "../persistence/frames.js";
import { openState, type PersistedEmulator } from "../persistence/persisted-emulator.js";

const USAGE = `Usage: sagerun-emulator serve [options]

Serves an in-memory Amazon SageMaker API (AWS JSON 1.1) over HTTP for boto3, the AWS CLI and Airflow,
with SageMaker Runtime, S3 and CloudWatch Logs on the same port.

Options:
  --host <address>      interface to bind (default 127.0.0.1: loopback only, no credentials are checked)
  --port <n>            port, 0 for any free one (default 4566)
  --time-scale <n>      virtual seconds per real second (default 1: real time)
  --seed <n>            seed for request ids, metrics and jitter (default 1; wins over the config's)
  --config <file>       emulator options: .json, or a .js/.mjs/.ts module whose default export is
                        them (durations, rules with outcomes and metrics, seed, region, accountId, ...)
  --images <file>       code for your own container images: a .js/.mjs/.ts module whose default
                        export (or export named images) is an array of { image, train?, process?,
                        serve? }; they are tried before the config's images
  --allow-host <name>   a further name clients may address the server by (repeatable), e.g. a
                        docker-compose service name; localhost and IP addresses always work
  --state-dir <dir>     keep the state in <dir>: every change is on disk before it is answered,
                        and a restart on the same dir (same seed and config) carries on where it
                        stood, the clock included
  -v, --version         print the version
  -h, --help            show this help

Point a client at it:  AWS_ENDPOINT_URL=http://127.0.0.1:4566 (every service; see docs/clients.md)
Admin: GET /_sagerun/health, GET /_sagerun/state, POST /_sagerun/reset,
       POST /_sagerun/clock/advance {"seconds": N}, GET|PUT /_sagerun/rules {"rules": [...]},
       GET|POST|DELETE /_sagerun/faults {"faults": [...]}
       (writes need Content-Type: application/json)
Dashboard: GET /_sagerun/ui in a browser (resources, timeline, pipeline DAGs, S3, logs, the clock,
           the faults and rules in force)`;

const OPTIONS = {
  host: { type: "string", default: "127.0.0.1" },
  port: { type: "string", default: "4566" },
  "time-scale": { type: "string" },
  seed: { type: "string" },
  config: { type: "string" },
  images: { type: "string" },
  "allow-host": { type: "string", multiple: true },
  "state-dir": { type: "string" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

/** What the CLI writes to and how it stops; injectable so tests run it in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the program is asked to stop (SIGINT/SIGTERM). */
  stopped: Promise<unknown>;
}

/** The process's own streams and signals: SIGINT and SIGTERM stop the server, which then exits 0. */
export function processIo(): CliIo {
  const stopped = new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  return { out: (line) => console.log(line), err: (line) => console.error(line), stopped };
}

/**
 * Runs the CLI on `argv` (the arguments after the program name); resolves with the exit code:
 * 0 after a clean shutdown (or for --help/--version), 1 when the server cannot listen, 2 for a
 * usage error, a bad config or images file included.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usageError(io, argumentProblem(error as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(packageJson.version);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "serve") {
    return usageError(io, positionals.length === 0 ? "Missing command: serve." : `Unknown command: ${positionals.join(" ")}.`);
  }
  const port = integer(values.port, 0, 65_535);
  if (port === undefined) return usageError(io, `--port must be an integer from 0 to 65535, got '${values.port}'.`);
  const timeScale = values["time-scale"] === undefined ? 1 : Number(values["time-scale"]);
  if (!(Number.isFinite(timeScale) && timeScale > 0)) {
    return usageError(io, `--time-scale must be a number greater than 0, got '${values["time-scale"]}'.`);
  }
  const seed = values.seed === undefined ? undefined : integer(values.seed, 0, Number.MAX_SAFE_INTEGER);
  if (values.seed !== undefined && seed === undefined)
    return usageError(io, `--seed must be a non-negative integer, got '${values.seed}'.`);

  let config: ConfigOptions;
  let images: ImageCode[];
  try {
    config = values.config === undefined ? {} : await loadConfig(values.config);
  } catch (error) {
    if (error instanceof ConfigError) return usageError(io, `--config ${error.message}`);
    throw error;
  }
  try {
    images = values.images === undefined ? [] : await loadImages(values.images);
  } catch (error) {
    if (error instanceof ConfigError) return usageError(io, `--images ${error.message}`);
    throw error;
  }
  let emulator: Emulator;
  let state: PersistedEmulator | undefined;
  const create = (clock: Clock): Emulator =>
    createEmulator({
      ...config,
      // The command line's registrations come first: for an image both match, they win, as --seed does.
      ...(images.length > 0 ? { images: [...images, ...(config.images ?? [])] } : {}),
      clock,
      seed: seed ?? config.seed ?? 1,
    });
  try {
    if (values["state-dir"] === undefined) emulator = create(new ScaledClock({ scale: timeScale }));
    else {
      const dir = values["state-dir"];
      state = await openState({ dir, seed: seed ?? config.seed ?? 1, timeScale, create, warn: (line) => io.err(line) });
      emulator = state.emulator;
    }
  } catch (error) {
    if (error instanceof StateFileError) {
      io.err(`sagerun-emulator: --state-dir ${values["state-dir"]}: ${error.message}`);
      return 1;
    }
    // createEmulator refuses misspelled or impossible options with TypeError/RangeError; --images
    // was checked on its own above, so what it refuses is the config's.
    if (error instanceof TypeError || error instanceof RangeError) return usageError(io, `--config ${values.config}: ${error.message}`);
    throw error;
  }

  let server: RunningServer;
  try {
    server = await startServer({
      ...(state ? { state } : { emulator }),
      host: values.host,
      port,
      allowedHosts: values["allow-host"] ?? [],
      log: (line) => io.err(line),
    });
  } catch (error) {
    io.err(`sagerun-emulator: cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  io.out(`listening on ${server.url}`);
  await io.stopped;
  await server.close();
  return 0;
}

/**
 * parseArgs's own messages are written for its API ("To specify a positional argument starting
 * with a '-', place it at the end of the command after '--'..."): say what is wrong in the CLI's
 * terms instead.
 */
function argumentProblem(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? "";
  const long = /--[\w-]+/.exec(error.message)?.[0] ?? option;
  const known = Object.keys(OPTIONS)
    .map((name) => `--${name}`)
    .join(", ");
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option ${option}. The options are ${known}.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (error.message.includes("does not take an argument")) return `${long} takes no value.`;
      if (error.message.includes("ambiguous")) return `${long} needs a value; to give one that starts with '-', write ${long}=<value>.`;
      return `${long} needs a value.`;
    default:
      return error.message;
  }
}

function integer(text: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

function usageError(io: CliIo, message: string): number {
  io.err(`sagerun-emulator: ${message}\nRun 'sagerun-emulator --help' for usage.`);
  return 2;
}
