/** The one table `pnpm bench` prints: Markdown, so it pastes into BENCHMARKS.md as it is. */

export interface Row {
  /** Which of the four benchmarks (issue 11) the row belongs to. */
  readonly bench: string;
  readonly measure: string;
  readonly sagerun: string;
  /** What the figure is compared with, and its value: moto, a canned handler, a plain Node server. */
  readonly peer?: string | undefined;
  readonly ratio?: string | undefined;
  readonly target?: string | undefined;
}

export function markdownTable(rows: readonly Row[]): string {
  const header = ["Benchmark", "Measure", "sagerun", "Compared with", "Ratio", "Target"];
  const cells = rows.map((row) => [row.bench, row.measure, row.sagerun, row.peer ?? "", row.ratio ?? "", row.target ?? ""]);
  const escapePipes = (cell: string) => cell.replaceAll("|", "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...cells.map((line) => `| ${line.map(escapePipes).join(" | ")} |`),
  ].join("\n");
}

/** A duration for a reader: µs under a millisecond, ms under ten seconds, else seconds. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 10_000) return `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A per-second rate, rounded to what the noise allows. */
export function rate(perSecond: number, unit = "/s"): string {
  if (!Number.isFinite(perSecond)) return "n/a";
  if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(1)}k${unit}`;
  return `${Math.round(perSecond)}${unit}`;
}

/** `a / b` as a multiple, `×` after it. */
export function ratio(a: number, b: number): string {
  const r = a / b;
  return Number.isFinite(r) ? `${r.toFixed(r < 10 ? 2 : r < 100 ? 1 : 0)}×` : "n/a";
}
