import { defineConfig } from "vitest/config";
import type { Reporter } from "vitest/node";
import { projects } from "./vitest.workspace.js";

// CI reads a plain "N passed, N failed" line; vitest's own summary is coloured and differently shaped.
const summary: Reporter = {
  onTestRunEnd(testModules, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      let any = false;
      for (const t of m.children.allTests()) {
        any = true;
        const s = t.result().state;
        if (s === "passed") passed++;
        else if (s === "failed") failed++;
        else skipped++;
      }
      if (!any && m.state() === "failed") failed++; // a file that failed to import or collect
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  },
};

export default defineConfig({
  // Workspace packages resolve to their TypeScript source through a scoped condition; never add
  // "module" here (Node would then load the AWS SDK's dist-es, whose extensionless imports fail).
  ssr: { resolve: { conditions: ["@sagerun/source", "node", "development|production"] } },
  test: {
    reporters: ["default", summary],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects,
    testTimeout: 30_000,
    // vitest leaves one core free by default; CI has two, and the suite is mostly CPU-bound.
    maxWorkers: 2,
  },
});
