import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const child = fileURLToPath(new URL("./signal-child.ts", import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const alive = new Set<number>();

/**
 * Runs signal-child.ts under a shell, as a pipeline is run, sends `signal` to the node process
 * once its job is InProgress, and returns what it printed, the shell's report of its exit status
 * last. The signal goes to the node process itself, as `kill` or a supervisor would send it.
 */
function killWhileWaiting(signal: "SIGINT" | "SIGTERM", jobName: string): Promise<string[]> {
  const shell = spawn("sh", ["-c", '"$0" "$@"; echo "exit status $?"', process.execPath, "--import", tsx, "--conditions=@sagerun/source", child, jobName], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let pending = "";
  let pid: number | undefined;
  shell.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (pending + chunk).split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      if (line.startsWith("pid ")) alive.add((pid = Number(line.slice(4))));
      if (line === "status InProgress" && pid !== undefined) process.kill(pid, signal);
    }
  });
  return new Promise((resolve, reject) => {
    shell.on("error", reject);
    shell.on("close", () => {
      if (pid !== undefined) alive.delete(pid);
      resolve(pending === "" ? lines : [...lines, pending]);
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
  ] as const)("%s stops the job the waiting operator created, then the process dies by the signal (status %i)", async (signal, status) => {
    const lines = await killWhileWaiting(signal, `killed-by-${signal.toLowerCase()}`);
    expect(lines.filter((line) => !line.startsWith("pid "))).toEqual([
      "status InProgress",
      `rejected AbortError: The process received ${signal}; sagerun stopped the jobs its operators were running.`,
      "job status Stopping",
      `exit status ${status}`,
    ]);
  }, 30_000);
});
