import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { VirtualClock } from "@sagerun/transport";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { createEmulator } from "../../src/index.js";
import { clientEnv, probeBoto3, run } from "../external/external-tools.js";
import { ROLE_ARN } from "../fixtures.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { irisDefinition } from "../pipelines/iris-definition.js";
import { chromiumMissing, launchChromium } from "./chromium.js";
import { saveScreenshot } from "./screenshots.js";

const boto3Tool = probeBoto3();
const skipped = chromiumMissing() ?? (boto3Tool.available ? undefined : boto3Tool.reason);

type Described = Record<string, unknown>;

/** What the page shows once its next poll or redraw has run: given time on a loaded machine, not a timed assertion. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

// What boto3 made (an S3 bucket, a k-NN training job, the Iris pipeline and one execution), looked
// at in headless Chromium. The emulator's clock moves only when the page (or the test) moves it,
// so every instant the page shows can be compared with what Describe answers at that instant.
describe.skipIf(skipped)(`the dashboard at /_sagerun/ui in Chromium${skipped ? ` [skipped: ${skipped}]` : ""}`, () => {
  let server: RunningServer;
  let workdir: string;
  let browser: Browser;
  let page: Page;
  let arns: { training: string; execution: string };
  const describeJob = (): Described => server.emulator.call("DescribeTrainingJob", { TrainingJobName: "iris-knn" }) as Described;
  const advance = (seconds: number) =>
    fetch(`${server.url}/_sagerun/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seconds }),
    });

  // 30 s: Python's boto3 import and Chromium's start, side by side on a loaded machine.
  beforeAll(async () => {
    server = await startServer({ port: 0, emulator: createEmulator({ clock: new VirtualClock({ autoAdvance: false }) }) });
    workdir = mkdtempSync(join(tmpdir(), "sagerun-dashboard-"));
    const { train, test } = irisSplit();
    writeFileSync(join(workdir, "definition.json"), irisDefinition(ROLE_ARN));
    writeFileSync(join(workdir, "train.csv"), irisCsv({ label: true }, train));
    writeFileSync(join(workdir, "test.csv"), irisCsv({ label: true }, test));
    writeFileSync(join(workdir, "batch.csv"), irisCsv({ label: false }, test));
    const script = fileURLToPath(new URL("./scripts/boto3_dashboard.py", import.meta.url));
    const [made, launched] = await Promise.all([
      run("python3", [script, workdir], clientEnv({ AWS_ENDPOINT_URL: server.url })),
      launchChromium(),
    ]);
    browser = launched;
    if (made.code !== 0) throw new Error(`boto3_dashboard.py exited ${made.code}:\n${made.stderr}`);
    arns = JSON.parse(made.stdout) as typeof arns;
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    // A missing element fails its step with playwright's message, well before the test's timeout.
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/_sagerun/ui`);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  const rowNames = (kind: string) =>
    page.locator(`[data-kind=${kind}] [data-testid=resource]`).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));

  it("lists what the boto3 script created, each kind in its section, and filters them", async () => {
    await page.locator("[data-testid=resource][data-name=iris-knn]").waitFor();
    // The execution's first step has created its training job already.
    const jobs = server.emulator.call("ListTrainingJobs", { SortBy: "Name", SortOrder: "Ascending" }) as {
      TrainingJobSummaries: { TrainingJobName: string }[];
    };
    const names = jobs.TrainingJobSummaries.map((j) => j.TrainingJobName);
    expect(names).toEqual(["iris-knn", expect.stringMatching(/^pipelines-.*-IrisTrain-/)]);
    expect(await rowNames("trainingJobs")).toEqual(expect.arrayContaining(names));
    expect(await rowNames("trainingJobs")).toHaveLength(2);
    expect(await rowNames("pipelines")).toEqual(["iris"]);
    expect(await rowNames("pipelineExecutions")).toEqual(["from-boto3"]);
    await poll(() => page.locator("[data-testid=resource][data-name=iris-knn] [data-status]").textContent()).toBe("InProgress");

    await page.fill("[data-testid=filter]", "knn");
    await poll(() => page.locator("[data-testid=resource]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")))).toEqual([
      "iris-knn",
    ]);
    await page.fill("[data-testid=filter]", "");

    // Its Describe, as SageMaker answers it.
    await page.click("[data-testid=resource][data-name=iris-knn]");
    const shown = JSON.parse((await page.locator("[data-testid=describe]").textContent()) ?? "{}") as Described;
    expect(shown.TrainingJobArn).toBe(arns.training);
    expect(shown).toEqual(JSON.parse(JSON.stringify(describeJob())));
  });

  it("browses the bucket by prefix, previews a CSV as a table and a JSON object, and downloads an object", async () => {
    await page.click("nav a[data-tab=s3]");
    await page.click("[data-testid=bucket]");
    await poll(() => page.locator("[data-testid=s3-prefix]").allTextContents()).toEqual(["data/", "notes/"]);
    await page.click("[data-testid=s3-prefix] >> text=data/");
    await page.click("[data-testid=s3-prefix] >> text=train/");
    await page.click("[data-testid=s3-object][data-key='data/train/iris.csv']");
    await page.locator("[data-testid=csv]").waitFor();
    const firstRow = await page.locator("[data-testid=csv] tr").first().locator("td").allTextContents();
    expect(firstRow).toEqual(irisCsv({ label: true }, irisSplit().train).split("\n")[0]!.split(","));

    const download = page.waitForEvent("download");
    await page.click("[data-testid=s3-object][data-key='data/train/iris.csv'] [data-testid=download]");
    const file = await download;
    expect(file.suggestedFilename()).toBe("iris.csv");
    const saved = join(workdir, "downloaded.csv");
    await file.saveAs(saved);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(saved, "utf8")).toBe(irisCsv({ label: true }, irisSplit().train));

    await page.click('#s3-path a >> text="iris"');
    await page.click("[data-testid=s3-prefix] >> text=notes/");
    await page.click("[data-testid=s3-object][data-key='notes/run.json']");
    await page.locator("[data-testid=s3-preview] pre").waitFor();
    expect(JSON.parse((await page.locator("[data-testid=s3-preview] pre").textContent()) ?? "")).toEqual({ owner: "dashboard test", k: 5 });
  });

  it("draws the training job's phases at the virtual times its SecondaryStatusTransitions give, and the clock's position", async () => {
    // Into the Training phase: Starting (90 s) and Downloading (20 s) are behind it.
    await advance(150);
    await page.click("nav a[data-tab=timeline]");
    const now = new Date(server.emulator.clock.now()).toISOString().replace(".000Z", "Z");
    await poll(() => page.getAttribute("[data-testid=now-line]", "data-now")).toBe(now);
    const phases = await page
      .locator("[data-testid=phase][data-bar=iris-knn]")
      .evaluateAll((rects) => rects.map((r) => [r.getAttribute("data-phase"), r.getAttribute("data-start"), r.getAttribute("data-end")]));
    const transitions = describeJob().SecondaryStatusTransitions as { Status: string; StartTime: Date; EndTime?: Date }[];
    const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
    expect(phases).toEqual(
      transitions.map((t, i) => [t.Status, iso(t.StartTime), t.EndTime ? iso(t.EndTime) : i === transitions.length - 1 ? now : ""]),
    );
    // The default plan: 90 s Starting from creation, 20 s Downloading, then Training, still running now.
    const created = (describeJob().CreationTime as Date).getTime();
    expect(phases.map((p) => p[0])).toEqual(["Starting", "Downloading", "Training"]);
    expect(phases.map((p) => Date.parse(p[1]!) - created)).toEqual([0, 90_000, 110_000]);
  });

  it("moves the job to Completed when the page advances the clock, by a duration and to the next event", async () => {
    const before = server.emulator.clock.now();
    const next = server.emulator.nextChange()!;
    await page.click("[data-testid=advance-next]");
    await poll(() => server.emulator.clock.now()).toBe(next);
    expect(next).toBeGreaterThan(before);

    await page.fill("[data-testid=advance-by]", "20m");
    await page.click("[data-testid=advance]");
    await poll(() => server.emulator.clock.now()).toBe(next + 1_200_000);
    expect(describeJob().TrainingJobStatus).toBe("Completed");
    await page.click("nav a[data-tab=resources]");
    await poll(() => page.locator("[data-testid=resource][data-name=iris-knn] [data-status]").textContent()).toBe("Completed");
    await page.click("nav a[data-tab=timeline]");
    await poll(() =>
      page.locator("[data-testid=phase][data-bar=iris-knn]").evaluateAll((rects) => rects.map((r) => r.getAttribute("data-phase"))),
    ).toEqual(["Starting", "Downloading", "Training", "Uploading", "Completed"]);
    await saveScreenshot(page, "timeline.png");
  });

  it("shows the job's log stream with the lines CloudWatch Logs holds", async () => {
    await page.click("nav a[data-tab=resources]");
    await page.click("[data-testid=resource][data-name=iris-knn]");
    await page.click("[data-testid=open-logs]");
    await page.locator("[data-testid=log-line]").first().waitFor();
    const state = server.emulator.state().logGroups as { logGroupName: string; logStreams: { logStreamName: string; events: number }[] }[];
    const group = state.find((g) => g.logGroupName === "/aws/sagemaker/TrainingJobs")!;
    const stream = group.logStreams.find((s) => s.logStreamName.startsWith("iris-knn/"))!;
    const lines = await page.locator("[data-testid=log-line]").evaluateAll((nodes) => nodes.map((n) => n.lastChild?.textContent));
    expect(stream.events).toBeGreaterThan(0);
    const logs = server.emulator.logsClient(CloudWatchLogsClient);
    const held = await logs.send(
      new GetLogEventsCommand({ logGroupName: group.logGroupName, logStreamName: stream.logStreamName, startFromHead: true }),
    );
    expect(lines).toEqual(held.events!.map((e) => e.message));
    expect(lines).toHaveLength(stream.events);
    expect(lines.join("\n")).toMatch(/test accuracy/);
  });

  it("shows the pipeline execution's DAG with each step's state and a link to the job a step created", async () => {
    await page.click("nav a[data-tab=resources]");
    await page.click("[data-testid=resource][data-name=from-boto3]");
    const steps = server.emulator.call("ListPipelineExecutionSteps", { PipelineExecutionArn: arns.execution }) as {
      PipelineExecutionSteps: { StepName: string; StepStatus: string }[];
    };
    await poll(() =>
      page
        .locator("[data-testid=dag-step]")
        .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-step"), n.querySelector("[data-status]")?.textContent])),
    ).toEqual(expect.arrayContaining(steps.PipelineExecutionSteps.map((s) => [s.StepName, s.StepStatus])));
    expect(steps.PipelineExecutionSteps.length).toBeGreaterThan(0);
    await saveScreenshot(page, "dashboard.png");
    await page.click("[data-testid=dag-step][data-step=IrisTrain] [data-testid=dag-link]");
    const shown = JSON.parse((await page.locator("[data-testid=describe]").textContent()) ?? "{}") as Described;
    expect(shown.TrainingJobName).toMatch(/^pipelines-/);
  });

  it("lists the faults in force as GET /_sagerun/faults answers them", async () => {
    const faults = [{ fault: "throttling", rate: 0.5, match: { operation: { regex: "^Describe" } } }];
    const set = await fetch(`${server.url}/_sagerun/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ faults }),
    });
    expect(set.status).toBe(200);
    await page.click("nav a[data-tab=faults]");
    const expected = ((await (await fetch(`${server.url}/_sagerun/faults`)).json()) as { faults: unknown[] }).faults;
    await poll(async () => JSON.parse((await page.locator("[data-testid=faults-json]").textContent()) ?? "null")).toEqual(expected);
    expect(expected).toHaveLength(1);
  });

  it("lists a rule PUT over HTTP: its match, durations, outcome and metrics", async () => {
    const rules = [
      {
        match: { name: { regex: "^flaky-", flags: "i" } },
        durations: { trainingSeconds: 30 },
        outcome: { status: "Failed", failureReason: "AlgorithmError: boom" },
        metrics: { "validation:auc": 0.9 },
      },
    ];
    const set = await fetch(`${server.url}/_sagerun/rules`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rules }),
    });
    expect(set.status).toBe(200);
    await page.click("nav a[data-tab=faults]");
    await poll(() => page.locator("[data-testid=rule] td").allInnerTexts()).toEqual([
      "1",
      "name /^flaky-/i",
      "training 30 s",
      "Failed\nAlgorithmError: boom",
      "validation:auc = 0.9",
    ]);
  });
});
