/**
 * A training job's container, played on its timeline: it runs when the Training phase begins
 * (observed when the clock gets there, never ticked), its lines appear over the phase, and its
 * model directory is uploaded as model.tar.gz when Uploading ends. A job whose image has no code
 * (no built-in algorithm, nothing registered) only plays its statuses.
 */
import { tarGzip } from "../../data/tar.js";
import { writeObject } from "../../data/job-data.js";
import { pointAt } from "../../lifecycle/timeline.js";
import { scheduleJobLines } from "../job-lines.js";
import type { Kit } from "../kind.js";
import { runTrainingCode } from "./compute.js";
import { modelArtifactsUri, outputArtifactsUri } from "./describe.js";
import { withEvents, type TrainingJobRecord } from "./record.js";
import { runningEndsAt, trainingBeginsAt, trainingStartTime } from "./timeline.js";

/** [DOC] "Monitor Amazon SageMaker with Amazon CloudWatch": training jobs log to this group. */
const TRAINING_LOG_GROUP = "/aws/sagemaker/TrainingJobs";

/** When the container must run, if it has not: the Training phase's beginning. */
export function computeDueAt(row: TrainingJobRecord): number | undefined {
  // A tuning job's children rank by the metrics planned for them; they do not compute (yet).
  if (row.run !== undefined || !row.plan.runsCode || row.tuningJobArn !== undefined) return undefined;
  return trainingBeginsAt(row.timeline);
}

/** Runs what is due for the row by `now`: its container, then its upload. */
export function playContainer(row: TrainingJobRecord, now: number, kit: Kit<TrainingJobRecord>): void {
  let current = row;
  const due = computeDueAt(current);
  if (due !== undefined && due <= now) current = compute(current, due, kit);
  if (current.run && !current.uploaded && current.run.failureReason === undefined) {
    const point = pointAt(current.timeline, now);
    // [DOC] StoppingCondition, StopTrainingJob: a stopped job's algorithm gets a SIGTERM and 120 s
    // "to save the model artifacts, so the results of training are not lost": the model directory
    // as the code left it is uploaded when the job ends Stopped too (MaxRuntimeExceeded included).
    if (point.state.status === "Completed" || point.state.status === "Stopped") current = upload(current, point.at, kit);
  }
  if (current !== row) kit.save(current);
}

function compute(row: TrainingJobRecord, at: number, kit: Kit<TrainingJobRecord>): TrainingJobRecord {
  const code = kit.ctx.data.containers.codeFor(row.request.AlgorithmSpecification?.TrainingImage)!;
  const run = runTrainingCode(code, row.request, kit.ctx.data, kit.ctx.seedFor(row.arn));
  const computed = withEvents({ ...row, run }, { ...row.events, computed: { at, failureReason: run.failureReason, tookMs: run.tookMs } });
  // The code's own failure ends its lines (the failure line last); otherwise they span the phase.
  const failedAt = computed.timeline.find((point) => point.state.status === "Failed")?.at;
  scheduleJobLines(kit, computed, {
    group: TRAINING_LOG_GROUP,
    stream: `${row.name}/algo-1-${Math.floor(trainingStartTime(row.plan) / 1000)}`,
    lines: run.lines,
    from: at,
    to: failedAt ?? at + (run.tookMs ?? row.plan.trainingMs),
    runningEndsAt: (job) => runningEndsAt(job.timeline),
  });
  return computed;
}

/** [DOC] the model directory becomes `<S3OutputPath>/<job>/output/model.tar.gz`, output data `output.tar.gz`, at `at`. */
function upload(row: TrainingJobRecord, at: number, kit: Kit<TrainingJobRecord>): TrainingJobRecord {
  const { s3 } = kit.ctx.data;
  const run = row.run!;
  if (row.request.OutputDataConfig?.CompressionType === "NONE") {
    // [DOC] OutputDataConfig.CompressionType NONE: the model directory is uploaded as it is, file by file.
    for (const [path, body] of run.model) writeObject(s3, `${modelArtifactsUri(row)}/${path}`, body, at);
  } else {
    writeObject(s3, modelArtifactsUri(row), tarGzip(run.model, at), at, "application/x-tar");
  }
  if (run.output.size > 0) writeObject(s3, outputArtifactsUri(row), tarGzip(run.output, at), at, "application/x-tar");
  return { ...row, uploaded: true };
}
