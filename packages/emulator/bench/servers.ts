/**
 * The HTTP servers the benches compare, each its own process: the built `sagerun-emulator` bin,
 * moto's server, and a plain Node server answering one fixed body (the ceiling for any Node server
 * on this machine). Each start is timed to its first answered request, as a user waits for it.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

export const EMULATOR_BIN = fileURLToPath(new URL("../bin/sagerun-emulator.js", import.meta.url));
const PLAIN_SERVER = fileURLToPath(new URL("plain-server.js", import.meta.url));
const FRONT_DOOR_SERVER = fileURLToPath(new URL("front-door-server.js", import.meta.url));

export interface Server {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawning the process to its first answered HTTP request. */
  readonly startMs: number;
  /** CPU milliseconds the process had used by then: what starting costs, whatever else the machine runs. */
  readonly startCpuMs: number;
  /** Resident memory of the process now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Resolves when `GET /` on `port` gets any HTTP answer; rejects on a refused connection. */
function answered(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end();
  });
}

async function start(command: string, args: (port: number) => string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const port = await freePort();
  // No NODE_OPTIONS from the bench's own tsx: the servers run as a user starts them.
  const { NODE_OPTIONS: _, ...inherited } = process.env;
  const began = performance.now();
  const child: ChildProcess = spawn(command, args(port), { env: { ...inherited, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`${command} ${args(port).join(" ")} exited before answering:\n${stderr}`);
    try {
      await answered(port);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  const startMs = performance.now() - began;
  const startCpuMs = cpuMs(child.pid!);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    startMs,
    startCpuMs,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? Number.NaN) / 1024,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

/** CPU milliseconds process `pid` has used so far (utime + stime, in clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The built bin, one node process, as `npx sagerun-emulator serve` runs it. */
export const startEmulator = () => start(process.execPath, (port) => [EMULATOR_BIN, "serve", "--port", String(port)]);

export const startMoto = () => start("python3", (port) => ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]);

/** A Node `http` server answering every request with `body` as AWS JSON: no routing, no parsing. */
export const startPlainNode = (body: string) => start(process.execPath, (port) => [PLAIN_SERVER, String(port)], { PLAIN_BODY: body });

/** The built HTTP front door answering `body` to everything, the emulator behind it bypassed. */
export const startFrontDoor = (body: string) => start(process.execPath, (port) => [FRONT_DOOR_SERVER, String(port)], { PLAIN_BODY: body });

/** Why moto cannot run here, or undefined when it can. */
export function motoMissing(): string | undefined {
  try {
    const version = execFileSync("python3", ["-c", "import moto, boto3; print(moto.__version__)"], { encoding: "utf8" }).trim();
    process.env.SAGERUN_BENCH_MOTO_VERSION = version;
    return undefined;
  } catch {
    return "moto or boto3 is not installed for python3 (pip install 'moto[server]' boto3)";
  }
}
