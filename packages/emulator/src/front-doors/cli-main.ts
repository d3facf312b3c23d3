/**
 * `sagerun-emulator serve`: the HTTP front door as a command. The logic lives here, free of side
 * effects, so tests run it in-process; src/cli.ts only binds it to the process.
 */
import { parseArgs } from "node:util";
import { startServer, type RunningServer } from "./http-server.js";

const USAGE = `Usage: sagerun-emulator serve [options]

Serves an in-memory Amazon SageMaker API (AWS JSON 1.1) over HTTP for boto3, the AWS CLI and Airflow.

Options:
  --host <address>     interface to bind (default 127.0.0.1: loopback only, no credentials are checked)
  --port <n>           port, 0 for any free one (default 4566)
  --time-scale <n>     virtual seconds per real second (default 1: real time)
  --seed <n>           seed for request ids, metrics and jitter (default 1)
  -h, --help           show this help

Point a client at it:  AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:4566 (see docs/clients.md)
Admin: GET /_sagerun/health, GET /_sagerun/state, POST /_sagerun/reset, POST /_sagerun/clock/advance {"seconds": N}`;

/** What the CLI writes to and how it stops; injectable so tests run it in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopped: Promise<unknown>;
}

/** Runs the CLI; resolves with the exit code: 0 after a clean shutdown, 2 for a usage error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "4566" },
        "time-scale": { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
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
  const seed = values.seed === undefined ? 1 : integer(values.seed, 0, Number.MAX_SAFE_INTEGER);
  if (seed === undefined) return usageError(io, `--seed must be a non-negative integer, got '${values.seed}'.`);

  let server: RunningServer;
  try {
    server = await startServer({ host: values.host, port, timeScale, seed });
  } catch (error) {
    io.err(`sagerun-emulator: cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  io.out(`listening on ${server.url}`);
  await io.stopped;
  await server.close();
  return 0;
}

function integer(text: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

function usageError(io: CliIo, message: string): number {
  io.err(`sagerun-emulator: ${message}\nRun 'sagerun-emulator --help' for usage.`);
  return 2;
}
