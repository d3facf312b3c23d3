import type { TeardownReport } from "./pipeline-run.js";
import type { Teardown, TeardownInfo } from "./step-context.js";

interface Entry {
  readonly stepId: string;
  readonly label: string;
  readonly teardown: Teardown;
}

/** The teardowns a run's steps registered, run once at the end, the last registered first. */
export class Teardowns {
  readonly #entries: Entry[] = [];
  #closed = false;

  /** Registers `teardown` for `stepId`; throws a `TypeError` once the run has started tearing down. */
  add(stepId: string, teardown: Teardown, label: string | undefined): void {
    if (typeof teardown !== "function") {
      throw new TypeError(`Step '${stepId}' passed onTeardown [${String(teardown)}], which is not a function. Please pass async () => ….`);
    }
    if (this.#closed) {
      throw new TypeError(
        `Step '${stepId}' registered a teardown after the run had settled, too late to run it. Please await the work that creates the resource inside run.`,
      );
    }
    const n = this.#entries.filter((e) => e.stepId === stepId).length + 1;
    this.#entries.push({ stepId, teardown, label: label ?? `teardown ${n}` });
  }

  /**
   * Runs every teardown (or, with `keep`, reports it kept), one at a time, the last registered
   * first: what was created last usually depends on what was created before (an endpoint on its
   * config, the config on its model). A teardown that throws is reported and the others still run.
   */
  async run(info: Omit<TeardownInfo, "stepId">, keep: boolean, report: (r: TeardownReport) => void): Promise<TeardownReport[]> {
    this.#closed = true;
    const reports: TeardownReport[] = [];
    for (const { stepId, label, teardown } of [...this.#entries].reverse()) {
      let r: TeardownReport;
      if (keep) r = { stepId, label, state: "kept" };
      else {
        try {
          await teardown({ ...info, stepId });
          r = { stepId, label, state: "succeeded" };
        } catch (error) {
          r = { stepId, label, state: "failed", error };
        }
      }
      reports.push(r);
      report(r);
    }
    return reports;
  }
}
