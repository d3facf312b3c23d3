/**
 * What "still running" means for each kind in `Emulator.state()`: a job InProgress or Stopping (it
 * will change without being asked), an endpoint Creating or Updating. The names and statuses are
 * the Describe outputs' members.
 */
const WATCHED = [
  { key: "trainingJobs", noun: "training job", name: "TrainingJobName", status: "TrainingJobStatus", running: ["InProgress", "Stopping"] },
  {
    key: "processingJobs",
    noun: "processing job",
    name: "ProcessingJobName",
    status: "ProcessingJobStatus",
    running: ["InProgress", "Stopping"],
  },
  {
    key: "transformJobs",
    noun: "transform job",
    name: "TransformJobName",
    status: "TransformJobStatus",
    running: ["InProgress", "Stopping"],
  },
  {
    key: "tuningJobs",
    noun: "tuning job",
    name: "HyperParameterTuningJobName",
    status: "HyperParameterTuningJobStatus",
    running: ["InProgress", "Stopping"],
  },
  { key: "endpoints", noun: "endpoint", name: "EndpointName", status: "EndpointStatus", running: ["Creating", "Updating"] },
] as const;

/** A resource still running: `training job iris-knn: InProgress`. */
export interface Running {
  readonly noun: string;
  readonly name: string;
  readonly status: string;
}

/** Every job and endpoint in `state` (an `Emulator.state()` dump) that is still running, kind by kind. */
export function runningResources(state: Readonly<Record<string, readonly unknown[]>>): Running[] {
  return WATCHED.flatMap(({ key, noun, name, status, running }) =>
    (state[key] ?? []).flatMap((resource) => {
      const row = resource as Record<string, unknown>;
      const now = String(row[status]);
      return (running as readonly string[]).includes(now) ? [{ noun, name: String(row[name]), status: now }] : [];
    }),
  );
}
