import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { clientEnv, probeBoto3, run, scriptPath } from "./external-tools.js";
import { binCommand, PACKAGE_ROOT } from "./sagerun-emulator-bin.js";

/** Runs the CLI in-process; `stop()` plays the part of SIGINT. */
function inProcess(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped: new Promise<void>((r) => (stop = r)) };
  return { out, err, stop: () => stop(), exit: main(argv, io) };
}

const dir = mkdtempSync(join(tmpdir(), "sagerun-images-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Writes a file under a fresh name: node caches modules by URL, so a name is never reused. */
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("sagerun-emulator serve --images FILE: modules it refuses", () => {
  it.each([
    ["missing.mjs", null, /^--images .*missing\.mjs: no such file\.$/],
    ["throws.mjs", 'throw new Error("images exploded");\n', /^--images .*throws\.mjs: importing it failed: images exploded$/],
    [
      "object.mjs",
      'export default { image: "img", train() {} };\n',
      /^--images .*object\.mjs: the images must be an array of registrations \(\{ image, train\?, process\?, serve\? \}\), got object\.$/,
    ],
    [
      "nothing.mjs",
      "export const other = [];\n",
      /^--images .*nothing\.mjs: the module exports no image registrations; export the array as default, or as `images`\.$/,
    ],
    [
      "noimage.mjs",
      "export default [{ train() {} }];\n",
      /^--images .*noimage\.mjs: images\[0\]\.image is required: the image URI \(a string\) or a RegExp\.$/,
    ],
    [
      "nocode.mjs",
      'export default [{ image: "img" }];\n',
      /^--images .*nocode\.mjs: images\[0\] gives no code: set train, process or serve\.$/,
    ],
    [
      "typo.mjs",
      'export default [{ image: "img", trian() {} }];\n',
      /^--images .*typo\.mjs: images\[0\] has an unknown key "trian"; the known keys are image, train, process, serve\.$/,
    ],
    [
      "images.json",
      "[]",
      /^--images .*images\.json: an images file is a module \(\.js, \.mjs, \.cjs, \.ts, \.mts, \.cts\) that exports an array of image registrations, as default or as `images`\.$/,
    ],
  ])("exits 2 with a clear message for %s", async (name, text, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    const cli = inProcess(["serve", "--port", "0", "--images", path]);
    expect(await cli.exit).toBe(2);
    const [first, second] = cli.err.join("\n").split("\n");
    expect(first).toMatch(new RegExp(`^sagerun-emulator: ${message.source.slice(1)}`));
    expect(second).toBe("Run 'sagerun-emulator --help' for usage.");
    expect(cli.out).toEqual([]);
  });

  it("documents --images in --help", async () => {
    const cli = inProcess(["--help"]);
    expect(await cli.exit).toBe(0);
    expect(cli.out[0]).toMatch(/--images <file> +code for your own container images/);
  });
});

describe("sagerun-emulator serve --images FILE: the registrations it loads", () => {
  const post = (url: string, target: string, body: unknown) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `SageMaker.${target}` },
      body: JSON.stringify(body),
    }).then(async (r) => (await r.json()) as Record<string, unknown>);
  const job = (name: string, image: string) => ({
    TrainingJobName: name,
    RoleArn: "arn:aws:iam::123456789012:role/R",
    AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: "File" },
    OutputDataConfig: { S3OutputPath: "s3://b/o" },
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 1 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  });

  it("takes an export named images, and tries them before the config's images", async () => {
    const images = file("named.mjs", 'export const images = [{ image: /^own/, train(input, io) { io.metric("from:images", 1); } }];\n');
    const config = file(
      "with-images.config.mjs",
      'export default { images: [{ image: /^own/, train(input, io) { io.metric("from:config", 2); } }, ' +
        '{ image: "config-only", train(input, io) { io.metric("from:config", 3); } }] };\n',
    );
    const cli = inProcess(["serve", "--port", "0", "--images", images, "--config", config]);
    await expect.poll(() => cli.out.length + cli.err.length).toBeGreaterThan(0);
    const url = /^listening on (http:\/\/\S+)$/.exec(cli.out[0] ?? "")?.[1];
    expect(url, cli.err.join("\n")).toBeDefined();
    await post(url!, "CreateTrainingJob", job("mine", "own-trainer"));
    await post(url!, "CreateTrainingJob", job("theirs", "config-only"));
    await fetch(`${url}/_sagerun/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seconds: 3600 }),
    });
    const metricsOf = async (name: string) =>
      (
        (await post(url!, "DescribeTrainingJob", { TrainingJobName: name })).FinalMetricDataList as { MetricName: string; Value: number }[]
      ).map((m) => [m.MetricName, m.Value]);
    expect(await metricsOf("mine")).toEqual([["from:images", 1]]);
    expect(await metricsOf("theirs")).toEqual([["from:config", 3]]);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });
});

// docs/clients.md §14 as a user copies it: the images.mjs block and the command line, run as the
// real program, driven by boto3.
const docs = readFileSync(new URL("../../../../docs/clients.md", import.meta.url), "utf8");
const boto3Tool = probeBoto3();

describe.skipIf(!boto3Tool.available)(
  `docs/clients.md §14: the --images example, run as a program and driven by boto3${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`,
  () => {
    let child: ReturnType<typeof spawn>;
    let observed: Record<string, unknown>;
    beforeAll(async () => {
      const module = /<!-- tested: images\.mjs -->\n```js\n([\s\S]*?)\n```/.exec(docs)?.[1];
      if (!module) throw new Error("docs/clients.md has no block marked <!-- tested: images.mjs -->");
      const images = file("images.mjs", module);
      const line = /^sagerun-emulator (serve --images images\.mjs .*)$/m.exec(docs)?.[1];
      if (!line) throw new Error("docs/clients.md lost the `sagerun-emulator serve --images images.mjs` line");
      const args = [...line.split(" ").map((arg) => (arg === "images.mjs" ? images : arg)), "--port", "0"];
      const [command, ...rest] = binCommand(args);
      child = spawn(command!, rest, { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "inherit"] });
      const [listening] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
      const url = /^listening on (http:\/\/\S+)$/.exec(listening)?.[1];
      if (!url) throw new Error(`the program is not listening: ${listening}`);
      const result = await run("python3", [scriptPath("boto3_images.py"), dir], clientEnv({ AWS_ENDPOINT_URL: url }));
      if (result.code !== 0) throw new Error(`boto3_images.py exited ${result.code}:\n${result.stderr}`);
      observed = JSON.parse(result.stdout) as Record<string, unknown>;
    });
    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
    });

    it("trains the mean of the first column, read back through the job's MetricDefinitions", () => {
      expect(observed.training).toEqual({ status: "Completed", metrics: [["train:mean", 3]] });
    });

    it("puts what train wrote in model.tar.gz", () => {
      expect(observed.model_tar).toEqual({ "mean.json": { mean: 3 } });
    });

    it("serves the model: invoke_endpoint answers each row's distance from the mean", () => {
      expect(observed.invoke).toEqual({ body: "2\n-2", content_type: "text/csv", variant: "AllTraffic" });
    });
  },
);
