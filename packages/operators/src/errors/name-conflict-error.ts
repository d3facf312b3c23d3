import { JobError, type JobRef } from "./sagerun-error.js";

/** A job with the requested name exists and the `onExists` policy does not allow another name. */
export class NameConflictError extends JobError {
  override readonly name = "NameConflictError";
  readonly code = "NameConflict" as const;

  /** `jobName` is the name that is taken: the one the config asked for. */
  constructor(init: JobRef & { readonly detail?: string; readonly cause?: unknown }) {
    // Airflow's text: "A SageMaker job with name {name} already exists." (hooks/sagemaker.py _get_unique_name)
    super(
      init,
      `A ${init.jobKind} named '${init.jobName}' already exists${init.detail ? ` (${init.detail})` : ""}. SageMaker names ` +
        'are unique per account and region and cannot be reused. Please choose another name, or pass onExists: "timestamp" ' +
        '(a new name with a time suffix), "increment" (the first free name-2, name-3, …), "reattach" (wait for the ' +
        'existing job) or "skip" (return it as it is).',
      init.cause,
    );
  }
}
