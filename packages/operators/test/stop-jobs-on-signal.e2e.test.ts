import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const child = fileURLToPath(new URL("./signal-child.ts", import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const alive = new Set<number>();

/**
 * Runs signal-child.ts under a shell, as a pipeline is run, sends `signal` to the node process
 * once its job is InProgress, and returns what it printed on stdout and stderr, the shell's report
 * of its exit status last. The signal goes to the node process itself, as `kill` or a supervisor
 * would send it.
 */
function killWhileWaiting(
  signal: "SIGINT" | "SIGTERM",
  jobName: string,
  mode: "catch" | "top-level-await",
): Promise<{ stdout: string[]; stderr: string }> {
  const args = [
    "-c",
    '"$0" "$@"; echo "exit status $?"',
    process.execPath,
    "--import",
    tsx,
    "--conditions=@sagerun/source",
    child,
    jobName,
    mode,
  ];
  const shell = spawn("sh", args, { stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  let stderr = "";
  let pending = "";
  let pid: number | undefined;
  shell.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  shell.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (pending + chunk).split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      stdout.push(line);
      if (line.startsWith("pid ")) {
        pid = Number(line.slice(4));
        alive.add(pid);
      }
      if (line === "status InProgress" && pid !== undefined) process.kill(pid, signal);
    }
  });
  return new Promise((resolve, reject) => {
    shell.on("error", reject);
    shell.on("close", () => {
      if (pid !== undefined) alive.delete(pid);
      resolve({ stdout: (pending === "" ? stdout : [...stdout, pending]).filter((line) => !line.startsWith("pid ")), stderr });
    });
  });
}

describe("stopJobsOnSignal in a real process", () => {
  afterEach(() => {
    for (const pid of alive) {
      try {
        process.kill(pid, "SIGKILL"); // a failed run must not leave its child behind
      } catch {
        // already gone
      }
    }
    alive.clear();
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "%s stops the job the waiting operator created, then the process dies by the signal (status %i)",
    async (signal, status) => {
      const { stdout } = await killWhileWaiting(signal, `killed-by-${signal.toLowerCase()}`, "catch");
      expect(stdout).toEqual([
        "status InProgress",
        "stop request accepted",
        `rejected AbortError: The process received ${signal}; sagerun stopped the jobs its operators were running.`,
        "job status Stopping",
        `exit status ${status}`,
      ]);
    },
    30_000,
  );

  it("ends by the signal too when nobody catches the operator's rejection (a top-level await, as in the README)", async () => {
    const { stdout, stderr } = await killWhileWaiting("SIGTERM", "killed-at-top-level", "top-level-await");
    expect(stdout).toEqual(["status InProgress", "stop request accepted", "exit status 143"]);
    expect(stderr).not.toMatch(/AbortError/); // not reported as a crash
  }, 30_000);
});
