/** Runs wrk (a C load generator, far from the bottleneck here) and reads its report. */
import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cpuMs } from "./servers.js";

const SCRIPT = fileURLToPath(new URL("describe.lua", import.meta.url));

export interface Load {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers outside 2xx/3xx: a bench against a server that errors measures the wrong thing. */
  readonly non2xx: number;
  readonly socketErrors: number;
  /**
   * CPU the server process spent per request (all its threads, user and system, from /proc): a
   * figure a busy machine disturbs far less than a rate, since waiting for a core costs no CPU.
   */
  readonly cpuMsPerRequest: number;
}

/** Why wrk cannot run here, or undefined when it can. */
export function wrkMissing(): string | undefined {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return undefined;
  } catch (error) {
    // wrk --version exits 1 after printing; only a missing binary throws ENOENT.
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "wrk is not installed (apt-get install wrk, brew install wrk)" : undefined;
  }
}

/** `connections` open connections on one wrk thread for `seconds`, DescribeTrainingJob each, against the server process `pid`. */
export async function wrk(url: string, pid: number, connections: number, seconds: number): Promise<Load> {
  const cpuBefore = cpuMs(pid);
  const { stdout } = await promisify(execFile)("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", SCRIPT, url]);
  const ms = (label: string) => {
    const match = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(stdout);
    if (!match) throw new Error(`wrk printed no ${label}th percentile:\n${stdout}`);
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const cpu = cpuMs(pid) - cpuBefore;
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? Number.NaN);
  return {
    cpuMsPerRequest: cpu / requests,
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN),
    p50Ms: ms("50"),
    p99Ms: ms("99"),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
    socketErrors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}
