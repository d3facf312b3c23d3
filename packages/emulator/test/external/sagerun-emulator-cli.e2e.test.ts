import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { main, type CliIo } from "../../src/cli.js";
import { defaultExport } from "../../src/front-doors/config-file.js";
import { run } from "./external-tools.js";
import { binCommand, PACKAGE_ROOT } from "./sagerun-emulator-bin.js";

/** Runs the CLI in-process; `stop()` plays the part of SIGINT. */
function inProcess(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped: new Promise<void>((r) => (stop = r)) };
  return { out, err, stop: () => stop(), exit: main(argv, io) };
}

/** Serves in-process until the listening line, then returns the URL; `stop` ends the run. */
async function serving(argv: string[]) {
  const cli = inProcess(argv);
  await expect.poll(() => cli.out.length + cli.err.length).toBeGreaterThan(0);
  const url = /^listening on (http:\/\/[^ ]+)$/.exec(cli.out[0] ?? "")?.[1];
  if (!url) throw new Error(`not listening: ${cli.err.join("\n")}`);
  return { ...cli, url };
}

const advance = (url: string, seconds: number) =>
  fetch(`${url}/_sagerun/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seconds }),
  });
const aws = (url: string, target: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `SageMaker.${target}` },
    body: JSON.stringify(body),
  }).then(async (r) => (await r.json()) as Record<string, unknown>);

const dir = mkdtempSync(join(tmpdir(), "sagerun-cli-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("sagerun-emulator (the CLI)", () => {
  it.each([
    [["serve", "--port", "abc"], "--port must be an integer from 0 to 65535, got 'abc'."],
    [["serve", "--port", "70000"], "--port must be an integer from 0 to 65535, got '70000'."],
    [["serve", "--time-scale", "0"], "--time-scale must be a number greater than 0, got '0'."],
    [["serve", "--seed", "1.5"], "--seed must be a non-negative integer, got '1.5'."],
    [
      ["serve", "--bogus"],
      "Unknown option --bogus. The options are --host, --port, --time-scale, --seed, --config, --images, --allow-host, --state-dir, --version, --help.",
    ],
    [["serve", "-x"], "Unknown option -x. The options are"],
    [["serve", "--port"], "--port needs a value."],
    [["serve", "--help=yes"], "--help takes no value."],
    [["serve", "--config", "--port"], "--config needs a value; to give one that starts with '-', write --config=<value>."],
    [[], "Missing command: serve."],
    [["start"], "Unknown command: start."],
  ])("exits 2 with a clear message for %j", async (argv, message) => {
    const cli = inProcess(argv);
    expect(await cli.exit).toBe(2);
    const [first, second] = cli.err.join("\n").split("\n");
    expect(first?.startsWith(`sagerun-emulator: ${message}`), first).toBe(true);
    expect(first).not.toMatch(/To specify a positional argument/);
    expect(second).toBe("Run 'sagerun-emulator --help' for usage.");
  });

  it("prints usage for --help and exits 0", async () => {
    const cli = inProcess(["--help"]);
    expect(await cli.exit).toBe(0);
    expect(cli.out[0]).toMatch(/^Usage: sagerun-emulator serve \[options\]/);
    expect(cli.out[0]).toContain("--config <file>");
  });

  it("prints the package version for --version and -v, and exits 0", async () => {
    for (const flag of ["--version", "-v"]) {
      const cli = inProcess([flag]);
      expect(await cli.exit).toBe(0);
      expect(cli.out).toEqual([packageJson.version]);
    }
  });

  it("prints exactly `listening on http://HOST:PORT` with the real port for --port 0, serves, and exits 0 when stopped", async () => {
    const cli = await serving(["serve", "--port", "0", "--time-scale", "60", "--seed", "7"]);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${cli.url}/_sagerun/health`)).json()).toEqual({ status: "ok" });
    cli.stop();
    expect(await cli.exit).toBe(0);
    await expect(fetch(`${cli.url}/_sagerun/health`)).rejects.toThrow();
  });

  it("serves the names given with --allow-host, besides localhost and IP addresses", async () => {
    const cli = await serving(["serve", "--port", "0", "--allow-host", "sagerun", "--allow-host", "emulator.internal"]);
    const { exchange, httpRequest } = await import("../conformance/http-exchange.js");
    const port = Number(new URL(cli.url).port);
    for (const host of ["sagerun", "emulator.internal:4566", "localhost"]) {
      expect((await exchange(port, httpRequest("GET", "/_sagerun/health", { host, connection: "close" }))).status).toBe(200);
    }
    expect((await exchange(port, httpRequest("GET", "/_sagerun/health", { host: "elsewhere", connection: "close" }))).status).toBe(403);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });
});

describe("sagerun-emulator serve --config FILE (issue 7, item 19)", () => {
  const job = (name: string) => ({
    TrainingJobName: name,
    RoleArn: "arn:aws:iam::123456789012:role/R",
    AlgorithmSpecification: { TrainingImage: "img", TrainingInputMode: "File" },
    OutputDataConfig: { S3OutputPath: "s3://b/o" },
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 1 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  });

  it("applies a JSON config: region, account, a rule with a JSON pattern, outcome and metrics", async () => {
    const config = file(
      "sagerun.json",
      JSON.stringify({
        region: "eu-west-1",
        accountId: "111122223333",
        durations: { trainingSeconds: 60 },
        rules: [
          { match: { name: { regex: "^FLAKY-", flags: "i" } }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } },
          { metrics: { "validation:auc": 0.91 } },
        ],
      }),
    );
    const cli = await serving(["serve", "--port", "0", "--config", config]);
    expect((await aws(cli.url, "CreateTrainingJob", job("flaky-1"))).TrainingJobArn).toBe(
      "arn:aws:sagemaker:eu-west-1:111122223333:training-job/flaky-1",
    );
    await aws(cli.url, "CreateTrainingJob", job("steady-1"));
    await advance(cli.url, 3600);
    const flaky = await aws(cli.url, "DescribeTrainingJob", { TrainingJobName: "flaky-1" });
    expect([flaky.TrainingJobStatus, flaky.FailureReason]).toEqual(["Failed", "AlgorithmError: boom"]);
    const steady = await aws(cli.url, "DescribeTrainingJob", { TrainingJobName: "steady-1" });
    expect(steady.TrainingJobStatus).toBe("Completed");
    expect(steady.FinalMetricDataList).toEqual([expect.objectContaining({ MetricName: "validation:auc", Value: 0.91 })]);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it("loads a .mjs module's default export, RegExps included", async () => {
    const config = file(
      "sagerun.config.mjs",
      'export default { rules: [{ match: { name: /^doomed/ }, outcome: { status: "Failed" } }] };\n',
    );
    const cli = await serving(["serve", "--port", "0", "--config", config]);
    await aws(cli.url, "CreateTrainingJob", job("doomed-1"));
    await advance(cli.url, 3600);
    expect((await aws(cli.url, "DescribeTrainingJob", { TrainingJobName: "doomed-1" })).TrainingJobStatus).toBe("Failed");
    cli.stop();
    await cli.exit;
  });

  it("loads a .ts module's default export", async () => {
    const config = file(
      "sagerun.config.ts",
      "const seconds: number = 5;\nexport default { seed: 3, durations: { trainingSeconds: seconds } };\n",
    );
    const cli = await serving(["serve", "--port", "0", "--config", config]);
    expect(cli.url).toMatch(/^http:/);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it("takes a compiled module's default export from one level down (tsx's tsImport outside an ESM package)", () => {
    const options = { seed: 2 };
    expect(defaultExport({ default: Object.defineProperty({ default: options }, "__esModule", { value: true }) })).toBe(options);
    expect(defaultExport({ default: options })).toBe(options);
    expect(defaultExport({ default: { default: options } })).toEqual({ default: options }); // a plain object keeps its keys
  });

  it.each([
    ["missing.json", null, /^--config .*missing\.json: cannot read it \(ENOENT\)\.$/],
    ["broken.json", "{ rules: ", /^--config .*broken\.json: not valid JSON: /],
    ["list.json", "[]", /^--config .*list\.json: the options must be an object, got an array\.$/],
    [
      "typo.json",
      '{"rules": [{"match": {"nmae": "flaky"}}]}',
      /^--config .*typo\.json: rules\[0\]\.match has an unknown key "nmae"; the known keys are name, image, hyperParameters\.$/,
    ],
    [
      "durations.json",
      '{"durations": {"trainSeconds": 60}}',
      /^--config .*durations\.json: durations has an unknown key "trainSeconds"; the known keys are /,
    ],
    [
      "clock.json",
      '{"clock": 1}',
      /^--config .*clock\.json: "clock" cannot be set in a config file; the server runs its own \(see --time-scale\)\.$/,
    ],
    [
      "pattern.json",
      '{"rules": [{"match": {"image": {"regex": "("}}}]}',
      /^--config .*pattern\.json: rules\[0\]\.match\.image is not a valid regular expression: /,
    ],
    [
      "options.yaml",
      "rules: []",
      /^--config .*options\.yaml: a config file is \.json, or a module \(\.js, \.mjs, \.cjs, \.ts, \.mts, \.cts\) whose default export is the options\.$/,
    ],
    [
      "nodefault.mjs",
      "export const rules = [];\n",
      /^--config .*nodefault\.mjs: the module has no default export; export the options as default\.$/,
    ],
    ["throws.mjs", 'throw new Error("config exploded");\n', /^--config .*throws\.mjs: importing it failed: config exploded$/],
  ])("exits 2 for a bad config file: %s", async (name, text, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    const cli = inProcess(["serve", "--port", "0", "--config", path]);
    expect(await cli.exit).toBe(2);
    const [first, second] = cli.err.join("\n").split("\n");
    expect(first).toMatch(new RegExp(`^sagerun-emulator: ${message.source.slice(1)}`));
    expect(second).toBe("Run 'sagerun-emulator --help' for usage.");
    expect(cli.out).toEqual([]);
  });
});

describe("the sagerun-emulator program (bin/sagerun-emulator.js) as a real process", () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it.each(["SIGTERM", "SIGINT"] as const)("serves, and on %s closes the server and exits 0", async (signal) => {
    const [command, ...args] = binCommand(["serve", "--port", "0"]);
    const child = spawn(command!, args, { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
    expect(url, line).toBeDefined();
    expect((await fetch(`${url}/_sagerun/health`)).status).toBe(200);
    const exited = once(child, "exit");
    child.kill(signal);
    const [code, signalCode] = (await exited) as [number | null, string | null];
    expect([code, signalCode]).toEqual([0, null]);
    await expect(fetch(`${url}/_sagerun/health`)).rejects.toThrow();
  });

  it("loads a .ts config when run as a program (under tsx, as `pnpm emulator` runs it)", async () => {
    const config = file(
      "program.config.ts",
      'const region: string = "ap-south-1";\nexport default { region, rules: [{ match: { name: /^x/ }, outcome: { status: "Failed" } }] };\n',
    );
    const [command, ...args] = binCommand(["serve", "--port", "0", "--config", config]);
    const child = spawn(command!, args, { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
    expect(url, line).toBeDefined();
    const created = await aws(url!, "CreateTrainingJob", {
      TrainingJobName: "x-1",
      RoleArn: "arn:aws:iam::123456789012:role/R",
      AlgorithmSpecification: { TrainingImage: "img", TrainingInputMode: "File" },
      OutputDataConfig: { S3OutputPath: "s3://b/o" },
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    });
    expect(created.TrainingJobArn).toBe("arn:aws:sagemaker:ap-south-1:123456789012:training-job/x-1");
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    expect(await exited).toEqual([0, null]);
  });

  it("prints the version and exits 0, and exits 2 on a usage error", async () => {
    const [command, ...args] = binCommand(["--version"]);
    expect(await run(command!, args, { ...process.env }, PACKAGE_ROOT)).toEqual({
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: "",
    });
    const [command2, ...args2] = binCommand(["serve", "--bogus"]);
    const bad = await run(command2!, args2, { ...process.env }, PACKAGE_ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^sagerun-emulator: Unknown option --bogus\./);
  });
});

describe("importing @sagerun/emulator/cli runs nothing (issue 7, item 16)", () => {
  it.each([
    ["import", 'const cli = await import("@sagerun/emulator/cli"); console.log(typeof cli.main);'],
    ["require", 'const cli = require("@sagerun/emulator/cli"); console.log(typeof cli.main);'],
  ])("%s: prints nothing of its own and leaves the host process's exit code alone", async (kind, code) => {
    const flags = ["--conditions=@sagerun/source", "--import", "tsx", ...(kind === "import" ? ["--input-type=module"] : [])];
    const result = await run(process.execPath, [...flags, "-e", code], { ...process.env }, PACKAGE_ROOT);
    expect(result).toEqual({ code: 0, stdout: "function\n", stderr: "" });
  });
});
