import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * Headless Chromium for the browser tests (the emulator's dashboard, the operators' run report):
 * Debian's own package, which `.ci/run` installs where it is missing, driven by playwright-core.
 * No browser is downloaded: playwright-core brings none, and this machine's network is closed.
 */
const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Chromium's background traffic (component updates, sync, safe browsing, QUIC probes) goes nowhere
 * on a closed network, and Chromium then refuses connections it would otherwise make; these flags
 * keep it to the pages a test opens. The sandbox needs user namespaces a container seldom grants.
 */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `no Chromium at ${CHROMIUM_PATH} (install Debian's: apt-get install -y --no-install-recommends chromium)`;
}

/**
 * Launches headless Chromium on a fresh profile (playwright-core makes a temporary user-data-dir
 * and removes it on `close()`). Where Chromium is missing: skips the calling test with the reason
 * when given its context (`async (ctx) => { const browser = await launchChromium(ctx); … }`),
 * else throws the reason; a suite-wide browser skips first with `describe.skipIf(chromiumMissing())`.
 */
export async function launchChromium(test?: { skip(note?: string): void }): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing !== undefined) {
    test?.skip(missing);
    throw new Error(`Cannot launch the browser: ${missing}.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
