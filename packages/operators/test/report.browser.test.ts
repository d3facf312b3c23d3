import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchChromium } from "../../emulator/test/browser/chromium.js";
import { TRAIN_FAILURE, TRAIN_LINES, failingIrisRun } from "./report-fixtures.js";

const skipped = chromiumMissing();

// The report of a failed Iris-like run, opened from disk (file://) as a CI artifact is: the page
// must show why the run failed with nothing to fetch.
describe.skipIf(skipped)(`the run report in Chromium${skipped ? ` [skipped: ${skipped}]` : ""}`, () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sagerun-report-browser-"));
    const path = join(dir, "run.html");
    const [, launched] = await Promise.all([failingIrisRun(path), launchChromium()]);
    browser = launched;
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(5000);
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path).href);
  });
  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the failed step, its FailureReason and its job's last log line, and loads nothing but itself", async () => {
    await expect(page.title()).resolves.toBe("iris · run nightly-7 · failed");
    await expect(page.locator("#outcome").textContent()).resolves.toBe("failed");
    const failure = page.locator('article.failure[data-step="train"]');
    expect(await failure.locator(".failed-step").isVisible()).toBe(true);
    await expect(failure.locator(".failed-step").textContent()).resolves.toBe("train");
    expect(await failure.locator(".failure-reason").isVisible()).toBe(true);
    await expect(failure.locator(".failure-reason").textContent()).resolves.toBe(`FailureReason: ${TRAIN_FAILURE}`);
    // The last line as the container wrote it: "<faiss> & its <index>" is text, not markup.
    const last = failure.locator(".log-line").last();
    expect(await last.isVisible()).toBe(true);
    await expect(last.textContent()).resolves.toMatch(new RegExp(`${escapeRegExp(TRAIN_LINES.at(-1)![1])}$`));
    expect(requests).toEqual([pathToFileURL(join(dir, "run.html")).href]);
  });

  it("draws the failed step's node in the DAG in the failure colour, and its job's bars inside the timeline", async () => {
    const node = page.locator('g.node[data-step="train"] rect');
    expect(await node.isVisible()).toBe(true);
    // .node.state-failed rect { stroke: #cf222e }
    // (The package's tsconfig has no DOM lib: the page's global is typed here.)
    const stroke = node.evaluate(
      (e) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(e).stroke,
    );
    await expect(stroke).resolves.toBe("rgb(207, 34, 46)");
    const timeline = await page.locator("svg.timeline").boundingBox();
    const failed = await page.locator('rect.phase[data-phase="Failed"]').boundingBox();
    const training = await page.locator('rect.phase[data-phase="Training"]').boundingBox();
    expect(timeline).not.toBeNull();
    // Training (60–90 s) ends where the Failed tick is drawn, both inside the timeline.
    expect(Math.abs(training!.x + training!.width - failed!.x)).toBeLessThan(1.5);
    expect(failed!.x + failed!.width).toBeLessThanOrEqual(timeline!.x + timeline!.width);
    await screenshot(page, "report.png");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The docs' screenshot (docs/images/), written only with SAGERUN_SCREENSHOTS=1 so a test run never changes the checkout. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SAGERUN_SCREENSHOTS !== "1") return;
  const path = fileURLToPath(new URL(`../../../docs/images/${name}`, import.meta.url));
  await page.screenshot({ path, fullPage: true });
}
