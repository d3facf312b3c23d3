import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/front-doors/cli-main.js";

/** Runs the CLI in-process; `stop()` plays the part of SIGINT. */
function inProcess(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped: new Promise<void>((r) => (stop = r)) };
  return { out, err, stop: () => stop(), exit: main(argv, io) };
}

describe("sagerun-emulator (the CLI)", () => {
  it.each([
    [["serve", "--port", "abc"], "--port must be an integer from 0 to 65535, got 'abc'."],
    [["serve", "--port", "70000"], "--port must be an integer from 0 to 65535, got '70000'."],
    [["serve", "--time-scale", "0"], "--time-scale must be a number greater than 0, got '0'."],
    [["serve", "--seed", "1.5"], "--seed must be a non-negative integer, got '1.5'."],
    [["serve", "--bogus"], "Unknown option '--bogus'"],
    [[], "Missing command: serve."],
    [["start"], "Unknown command: start."],
  ])("exits 2 with a clear message for %j", async (argv, message) => {
    const cli = inProcess(argv);
    expect(await cli.exit).toBe(2);
    expect(cli.err.join("\n")).toContain(message);
    expect(cli.err.join("\n")).toContain("Run 'sagerun-emulator --help' for usage.");
  });

  it("prints usage for --help and exits 0", async () => {
    const cli = inProcess(["--help"]);
    expect(await cli.exit).toBe(0);
    expect(cli.out[0]).toMatch(/^Usage: sagerun-emulator serve \[options\]/);
  });

  it("prints exactly `listening on http://HOST:PORT` with the real port for --port 0, serves, and exits 0 when stopped", async () => {
    const cli = inProcess(["serve", "--port", "0", "--time-scale", "60", "--seed", "7"]);
    await expect.poll(() => cli.out.length).toBe(1);
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(cli.out[0]!)?.[1];
    expect(url).toBeDefined();
    expect(await (await fetch(`${url}/_sagerun/health`)).json()).toEqual({ status: "ok" });
    cli.stop();
    expect(await cli.exit).toBe(0);
    await expect(fetch(`${url}/_sagerun/health`)).rejects.toThrow();
  });

  it("runs as a program and shuts down cleanly on SIGTERM with exit code 0", async () => {
    const cliPath = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--conditions=@sagerun/source", "--import", "tsx", cliPath, "serve", "--port", "0"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
      expect(url, line).toBeDefined();
      expect((await fetch(`${url}/_sagerun/health`)).status).toBe(200);
      child.kill("SIGTERM");
      const [code, signal] = (await once(child, "exit")) as [number | null, string | null];
      expect([code, signal]).toEqual([0, null]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
