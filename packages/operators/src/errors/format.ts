/** Message pieces shared by the error classes (internal). */

/** "Training job 'nightly'": the kind capitalised, the name quoted. */
export function subject(ref: { readonly jobKind: string; readonly jobName: string }): string {
  return `${ref.jobKind.charAt(0).toUpperCase()}${ref.jobKind.slice(1)} '${ref.jobName}'`;
}

/** "Stopped" or "Stopped, secondary status MaxRuntimeExceeded". */
export function statusText(status: string, secondaryStatus: string | undefined): string {
  return secondaryStatus === undefined || secondaryStatus === status ? status : `${status}, secondary status ${secondaryStatus}`;
}

/** "Error: message" for a cause of any shape, for quoting inside a message. */
export function causeText(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  if (typeof cause === "object" && cause !== null && "message" in cause) return String((cause as { message: unknown }).message);
  return String(cause);
}

/**
 * The call that resumes waiting for a job under the name it actually has: after a `"timestamp"`
 * run, `onExists: "reattach"` would look up the configured name, i.e. an older job.
 */
export function resumeHint(kindName: string | undefined, jobName: string): string {
  return `waitForJob(${kindName ?? "<job kind>"}, ${JSON.stringify(jobName)}, …)`;
}
