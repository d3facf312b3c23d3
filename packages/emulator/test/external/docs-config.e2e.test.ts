import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEnv, probeBoto3, run } from "./external-tools.js";
import { binCommand, PACKAGE_ROOT } from "./sagerun-emulator-bin.js";

// docs/clients.md §6 and §7 as a user copies them: the JSON config, the command line, the boto3
// script and the curl calls, each taken from the page's `<!-- tested: NAME -->` blocks.
const docs = readFileSync(new URL("../../../../docs/clients.md", import.meta.url), "utf8");
function block(name: string): string {
  const match = new RegExp(`<!-- tested: ${name.replace(/\./g, "\\.")} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(docs);
  if (!match) throw new Error(`docs/clients.md has no block marked <!-- tested: ${name} -->`);
  return match[1]!;
}
const boto3Tool = probeBoto3();
/** curl runs the admin examples; without it that one test is skipped, with the reason in its title. */
const curlTool = spawnSync("curl", ["--version"]).status === 0;

describe.skipIf(!boto3Tool.available)(
  `docs/clients.md: the --config example with boto3${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), "sagerun-docs-"));
    let child: ReturnType<typeof spawn>;
    let url: string;
    beforeAll(async () => {
      const config = join(dir, "sagerun.json");
      writeFileSync(config, block("sagerun.json"));
      // The documented command line, on a free port, with the file where this test wrote it.
      const line = /^sagerun-emulator (serve --config sagerun\.json .*)$/m.exec(docs)?.[1];
      if (!line) throw new Error("docs/clients.md lost the `sagerun-emulator serve --config sagerun.json` line");
      const args = [...line.split(" ").map((arg) => (arg === "sagerun.json" ? config : arg)), "--port", "0"];
      const [command, ...rest] = binCommand(args);
      child = spawn(command!, rest, { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "inherit"] });
      const [listening] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
      url = /^listening on (http:\/\/\S+)$/.exec(listening)?.[1] ?? "";
      expect(url, listening).not.toBe("");
    });
    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
    });

    it("makes the flaky job fail with the configured reason, and prints what the page says it prints", async () => {
      const script = block("boto3-failing-job.py");
      const promised = /\n# (.+)$/.exec(script)?.[1];
      const path = join(dir, "failing_job.py");
      writeFileSync(path, script);
      const result = await run("python3", [path], clientEnv({ AWS_ENDPOINT_URL_SAGEMAKER: url }));
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(result.stdout).toBe(`${promised}\n`);
      expect(promised).toBe("Failed AlgorithmError: simulated failure");
    });

    it.skipIf(!curlTool)(
      `accepts the admin curl calls as written, on this server's address${curlTool ? "" : " [skipped: curl is not on PATH]"}`,
      async () => {
        const script = block("admin-curl.sh").replaceAll("http://127.0.0.1:4566", url);
        const result = await run("sh", ["-c", script], { ...process.env });
        expect(result.code).toBe(0);
        const [advanced, replaced] = result.stdout.split(/(?<=\})/);
        expect(JSON.parse(advanced!)).toEqual({ now: expect.stringMatching(/^\d{4}-/) });
        expect(JSON.parse(replaced!)).toEqual({ rules: 1 });
      },
    );
  },
);
