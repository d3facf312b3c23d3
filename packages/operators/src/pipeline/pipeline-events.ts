import type { JobLogLine } from "../logs/logs-options.js";
import type { TeardownReport } from "./pipeline-run.js";

/** When an event happened: epoch milliseconds on the backend's clock (`time`) and on the host's (`wallTime`). */
interface EventTime {
  readonly time: number;
  readonly wallTime: number;
}

/** How long a step ran, on both clocks. */
interface Elapsed {
  readonly virtualMs: number;
  readonly wallMs: number;
}

/**
 * What `runPipeline` tells its `onEvent`, in order, told apart by `type`: the run starting (with
 * every step, so a view can list the pending ones), each step starting and settling, the status
 * changes and log lines of the jobs a step runs (when it passes `ctx.jobOptions`, or
 * `ctx.onStatusChange` / `ctx.logs`, to its operators), each teardown, and the run finishing.
 * Plain data: safe to log as JSON, except the `error` members, which hold what was thrown.
 */
export type PipelineEvent =
  | (EventTime & {
      readonly type: "pipeline-started";
      readonly pipelineName: string;
      readonly runId: string;
      /** ISO-8601. */
      readonly logicalDate: string;
      readonly steps: readonly { readonly id: string; readonly dependsOn: readonly string[] }[];
      readonly concurrency: number;
    })
  | (EventTime & { readonly type: "step-started"; readonly stepId: string })
  | (EventTime & Elapsed & { readonly type: "step-succeeded"; readonly stepId: string })
  | (EventTime & Elapsed & { readonly type: "step-failed"; readonly stepId: string; readonly error: unknown })
  /** `because`: the failed step upstream. */
  | (EventTime & { readonly type: "step-skipped"; readonly stepId: string; readonly because: string })
  /** `error`, for a step that was running: what it rejected with once aborted. */
  | (EventTime & Elapsed & { readonly type: "step-cancelled"; readonly stepId: string; readonly error?: unknown })
  | (EventTime & {
      readonly type: "job-status";
      readonly stepId: string;
      readonly jobName: string;
      readonly status: string;
      readonly secondaryStatus?: string;
    })
  | (EventTime & { readonly type: "job-log"; readonly stepId: string; readonly line: JobLogLine })
  | (EventTime & { readonly type: "teardown" } & TeardownReport)
  | (EventTime &
      Elapsed & {
        readonly type: "pipeline-finished";
        readonly pipelineName: string;
        readonly runId: string;
        readonly outcome: "succeeded" | "failed" | "cancelled";
      });
