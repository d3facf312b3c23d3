import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// One config for every package: tsup searches upward from packages/<x>, so this file runs with
// the package as cwd. The entry points are read from the package's own exports map (the
// "@sagerun/source" condition), so adding a subpath export is the only step to publish it.
type ExportsMap = Record<string, { "@sagerun/source"?: string } | string>;
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports?: ExportsMap; bin?: Record<string, string> };
const sources = Object.values(pkg.exports ?? {}).flatMap((e) =>
  typeof e === "object" && e["@sagerun/source"] ? [e["@sagerun/source"]] : [],
);

export default defineConfig({
  entry: sources.length > 0 ? sources : ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
