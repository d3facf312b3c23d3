import {
  CreateTrainingJobCommand,
  DeleteTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  StopTrainingJobCommand,
  type SecondaryStatusTransition,
} from "@aws-sdk/client-sagemaker";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { trainingJobRequest } from "./fixtures.js";
import { TERMINAL, testJobModel, type JobKind } from "./fixtures/job-model.js";
import { seconds } from "./fixtures/model-run.js";

/** Secondary statuses allowed under each status ([DOC] DescribeTrainingJob SecondaryStatus). */
const SECONDARY: Record<string, string[]> = {
  InProgress: ["Starting", "Downloading", "Training", "Uploading"],
  Completed: ["Completed"],
  Failed: ["Failed"],
  Stopping: ["Stopping"],
  Stopped: ["Stopped", "MaxRuntimeExceeded", "MaxWaitTimeExceeded"],
};
const PHASE_ORDER = ["Starting", "Downloading", "Training", "Uploading"];
const NOT_FOUND = (): string => "Requested resource not found.";
/** Half the limits fall within the life the durations give, half beyond it. */
const RUNTIME_LIMIT = fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 601, max: 3_600 }));

const TRAINING_JOB: JobKind = {
  noun: "training job",
  arnType: "training-job",
  commands: {
    create: CreateTrainingJobCommand,
    describe: DescribeTrainingJobCommand,
    stop: StopTrainingJobCommand,
    delete: DeleteTrainingJobCommand,
    list: ListTrainingJobsCommand,
  },
  members: {
    name: "TrainingJobName",
    arn: "TrainingJobArn",
    status: "TrainingJobStatus",
    secondary: "SecondaryStatus",
    start: "TrainingStartTime",
    end: "TrainingEndTime",
    lastModified: "LastModifiedTime",
    summaries: "TrainingJobSummaries",
    failure: ["FailureReason"],
  },
  request: (name, { maxRuntimeSeconds, maxWaitSeconds }) =>
    trainingJobRequest({
      TrainingJobName: name,
      StoppingCondition: {
        MaxRuntimeInSeconds: maxRuntimeSeconds!,
        ...(maxWaitSeconds === undefined ? {} : { MaxWaitTimeInSeconds: maxWaitSeconds }),
      },
      ...(maxWaitSeconds === undefined ? {} : { EnableManagedSpotTraining: true }),
    }),
  limits: fc.oneof(
    { arbitrary: RUNTIME_LIMIT.map((maxRuntimeSeconds) => ({ maxRuntimeSeconds })), weight: 1 },
    // Managed spot training: MaxWaitTimeInSeconds is at least MaxRuntimeInSeconds and measured from
    // creation rather than from TrainingStartTime, so either limit may come first, or one inside
    // the other's Stopping (the extra wait is of the order of the Starting phase).
    {
      arbitrary: fc
        .tuple(RUNTIME_LIMIT, fc.integer({ min: 0, max: 180 }))
        .map(([maxRuntimeSeconds, extra]) => ({ maxRuntimeSeconds, maxWaitSeconds: maxRuntimeSeconds + extra })),
      weight: 1,
    },
  ),
  durations: fc.record({
    startingSeconds: seconds(120),
    downloadingSeconds: seconds(60),
    trainingSeconds: seconds(600),
    uploadingSeconds: seconds(120),
    stoppingSeconds: seconds(60),
  }),
  // File input mode (the fixture's), so Downloading is a phase of its own.
  life: (d) => ({
    phases: [
      { name: "Starting", ms: d.startingSeconds! * 1000 },
      { name: "Downloading", ms: d.downloadingSeconds! * 1000 },
      { name: "Training", ms: d.trainingSeconds! * 1000 },
      { name: "Uploading", ms: d.uploadingSeconds! * 1000 },
    ],
    startPhase: 1,
    mainPhase: 2,
  }),
  // [OBS] the service answers every operation on a missing training job this way (aws/aws-sdk#165).
  notFound: { describe: NOT_FOUND, stop: NOT_FOUND, delete: NOT_FOUND },
  defaultSortOrder: "Ascending",
  // Filter by StatusEquals before paging, so every listing is one the model can predict exactly.
  options: { listTrainingJobsStatusFilterAfterPage: false },
  invariants: [
    {
      title: "the secondary status is one allowed under the status",
      described: ({ view }) => {
        if (view) expect(SECONDARY[String(view.status)], String(view.status)).toContain(view.secondary);
      },
    },
    {
      title: "the secondary status only moves forward: InProgress phases never go back, and an ended job's never changes",
      described: ({ view, previous }) => {
        if (!view || !previous) return;
        const [secondary, before] = [String(view.secondary), String(previous.secondary)];
        if (TERMINAL.has(String(previous.status))) expect(secondary).toBe(before);
        if (view.status === "InProgress" && previous.status === "InProgress") {
          expect(PHASE_ORDER.indexOf(secondary), `${before} → ${secondary}`).toBeGreaterThanOrEqual(PHASE_ORDER.indexOf(before));
        }
      },
    },
    {
      title: "SecondaryStatusTransitions are ordered in time and end at the current secondary status",
      described: ({ view }) => {
        if (!view) return;
        const transitions = (view.raw.SecondaryStatusTransitions as SecondaryStatusTransition[] | undefined) ?? [];
        let last = view.created!;
        for (const t of transitions) {
          expect(t.StartTime!.getTime()).toBeGreaterThanOrEqual(last);
          if (t.EndTime) expect(t.EndTime.getTime()).toBeGreaterThanOrEqual(t.StartTime!.getTime());
          last = t.StartTime!.getTime();
        }
        expect(transitions.at(-1)?.Status).toBe(view.secondary);
      },
    },
    {
      title: "billing stays within MaxRuntimeInSeconds",
      described: ({ view, job }) => {
        const billable = view?.raw.BillableTimeInSeconds as number | undefined;
        if (billable !== undefined) expect(billable).toBeLessThanOrEqual(job!.plan.maxRuntimeMs! / 1000);
      },
    },
  ],
};

describe("training jobs, model-based", () => {
  testJobModel(TRAINING_JOB);
});
