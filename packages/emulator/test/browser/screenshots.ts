import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/**
 * Screenshots for the docs (docs/images/), written only when SAGERUN_SCREENSHOTS=1, so a test run
 * never changes the checkout: `SAGERUN_SCREENSHOTS=1 npx vitest run packages/emulator/test/browser`.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.SAGERUN_SCREENSHOTS !== "1") return;
  const path = fileURLToPath(new URL(`../../../../docs/images/${name}`, import.meta.url));
  // Down to the end of the content, not the viewport's empty rest.
  await page.evaluate("window.scrollTo(0, 0)");
  const main = await page.locator("main").boundingBox();
  const height = Math.ceil((main?.y ?? 0) + (main?.height ?? 800));
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height } });
}
