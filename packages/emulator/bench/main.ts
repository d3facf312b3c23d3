/**
 * `pnpm bench`: issue 11's four benchmarks (pipeline, HTTP against moto, in-process overhead,
 * scale) and the bin's start time, printed as one Markdown table for BENCHMARKS.md, preceded by
 * the machine it ran on. Progress goes to stderr, so stdout pastes as it is.
 *
 *   pnpm bench                    the full run (about ten minutes on two cores)
 *   pnpm bench --quick            a short run: fewer rounds, no 100k store
 *   pnpm bench --only=http,scale  some benchmarks only (pipeline, start, http, in-process, scale)
 *
 * The built bin is measured: build it first (`pnpm --filter @sagerun/emulator build`).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { httpRows, startupRows } from "./http-bench.js";
import { inProcessRows } from "./in-process-bench.js";
import { pipelineRows } from "./pipeline-bench.js";
import { scaleRows } from "./scale-bench.js";
import { markdownTable, type Row } from "./table.js";

const PACKAGE = fileURLToPath(new URL("../", import.meta.url));
const SECTIONS = ["pipeline", "start", "http", "in-process", "scale"] as const;

const { values } = parseArgs({ args: process.argv.slice(2), options: { quick: { type: "boolean" }, only: { type: "string" } } });
const quick = values.quick === true;
const only = new Set(values.only?.split(",") ?? SECTIONS);
for (const name of only)
  if (!(SECTIONS as readonly string[]).includes(name))
    throw new Error(`--only: unknown benchmark ${name}; they are ${SECTIONS.join(", ")}`);

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** The newest modification time under `dir`, in ms. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

/**
 * The bin runs dist: missing, nothing HTTP can be measured; older than src, the figures are an
 * older emulator's, which is said rather than rebuilt here (the build type-checks the whole package).
 */
function checkBuilt(): void {
  let built: number;
  try {
    built = statSync(join(PACKAGE, "dist/cli.js")).mtimeMs;
  } catch {
    throw new Error(
      "packages/emulator/dist is missing: run `pnpm --filter @sagerun/emulator build` first (the bench measures the built bin)",
    );
  }
  if (built < newest(join(PACKAGE, "src")))
    progress("warning: dist is older than src; rebuild (pnpm --filter @sagerun/emulator build) to measure the current code");
}

function machine(): string {
  const version = (command: string, args: string[]): string => {
    try {
      return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
        .trim()
        .split("\n")[0]!;
    } catch (error) {
      return (error as { stdout?: string }).stdout?.trim().split("\n")[0] || "not installed";
    }
  };
  const model = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ?? "unknown";
  return [
    `- ${cpus().length} CPUs (nproc), ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `- node ${process.version}, ${version("python3", ["--version"])}, moto ${version("python3", ["-c", "import moto; print(moto.__version__)"])}, ${version("wrk", ["--version"]).replace(/ \[epoll\].*/, "")}`,
    `- ${quick ? "`pnpm bench --quick`" : "`pnpm bench`"}, ${new Date().toISOString().slice(0, 16)}Z`,
  ].join("\n");
}

const settings = quick
  ? {
      http: { starts: 3, pairs: 100, pairRounds: 1, wrkSeconds: 1, wrkRounds: 1 },
      inProcess: { rounds: 5, calls: 100 },
      pipeline: { runs: 1 },
      scale: { sizes: [1_000, 10_000], listCalls: 20, passes: 1, describeRounds: 3 },
      beside: { tuningJobs: 20, children: 20, endpoints: 1_000 },
    }
  : {
      http: { starts: 5, pairs: 500, pairRounds: 3, wrkSeconds: 5, wrkRounds: 3 },
      inProcess: { rounds: 15, calls: 200 },
      pipeline: { runs: 5 },
      scale: { sizes: [1_000, 10_000, 100_000], listCalls: 50, passes: 3, describeRounds: 5 },
      beside: { tuningJobs: 100, children: 20, endpoints: 10_000 },
    };

/** A benchmark that throws (a server that will not start, an example broken mid-change) is a row saying so, not a lost run. */
async function section(name: (typeof SECTIONS)[number], label: string, run: () => Promise<Row[]>): Promise<void> {
  if (!only.has(name)) return;
  progress(label);
  try {
    sections[name] = await run();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n").slice(0, 3).join(" ");
    progress(`${name} failed: ${error instanceof Error ? error.stack : message}`);
    sections[name] = [{ bench: name, measure: label, sagerun: `failed: ${message}` }];
  }
}

// Processes first, while this one is small; the 100k store last. The table keeps the issue's order.
const sections: Partial<Record<(typeof SECTIONS)[number], Row[]>> = {};
if (only.has("start") || only.has("http")) checkBuilt();
await section("start", "bin start against moto's", () => startupRows(settings.http));
await section("http", "HTTP against moto and a plain Node server", () => httpRows(settings.http));
await section("in-process", "in-process overhead", () => inProcessRows(settings.inProcess));
await section("pipeline", "pipelines", () => pipelineRows(settings.pipeline));
await section("scale", "scale", () => scaleRows(settings.scale, settings.beside));
console.log(machine());
console.log();
console.log(markdownTable(SECTIONS.flatMap((name) => sections[name] ?? [])));
