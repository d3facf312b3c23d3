import { type SageMakerClient, StartPipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import type { CompiledParameter } from "../compile/compile-pipeline.js";
import { deriveName } from "../job-name.js";

/** What an execution of a compiled pipeline starts with. */
export interface StartExecutionInput {
  readonly pipelineName: string;
  readonly runId: string;
  /** Each parameter's value, as the String it is declared. */
  readonly parameters: readonly { readonly Name: string; readonly Value: string }[];
  /** MaxParallelExecutionSteps; Infinity leaves the pipeline's own. */
  readonly concurrency: number;
}

/**
 * The execution's ClientRequestToken, derived from the pipeline and the run id (SHA-256, 64 hex
 * digits; a token is 32 to 128 characters, API reference StartPipelineExecution): starting the same
 * run again (a retry, a resumed process) gets the execution the first start made, not a second one.
 */
export async function executionToken(pipelineName: string, runId: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(`sagerun/${pipelineName}/${runId}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Starts (or, for a run id already started, finds again) the run's execution; resolves its ARN. */
export async function startExecution(client: SageMakerClient, input: StartExecutionInput): Promise<string> {
  const { pipelineName, runId, parameters, concurrency } = input;
  const started = await client.send(
    new StartPipelineExecutionCommand({
      PipelineName: pipelineName,
      // A display name is 1 to 82 of [a-zA-Z0-9-]; the run id made into a SageMaker name fits.
      PipelineExecutionDisplayName: deriveName([runId]),
      PipelineParameters: [...parameters],
      ClientRequestToken: await executionToken(pipelineName, runId),
      ...(Number.isFinite(concurrency) ? { ParallelismConfiguration: { MaxParallelExecutionSteps: concurrency } } : {}),
    }),
  );
  return started.PipelineExecutionArn!;
}

/**
 * Each parameter's value from the run: the run id, the logical date (ISO-8601), or a member of an
 * in-process step's result, as a string (JSON for an object). A value that is missing or longer
 * than a parameter value may be (1024 characters, API reference Parameter) throws, naming it.
 */
export function parameterValues(
  parameters: readonly CompiledParameter[],
  run: { readonly runId: string; readonly logicalDate: number; readonly results: ReadonlyMap<string, unknown> },
): { Name: string; Value: string }[] {
  return parameters.map(({ name, source }) => {
    let value: unknown;
    if (source.kind === "runId") value = run.runId;
    else if (source.kind === "logicalDate") value = new Date(run.logicalDate).toISOString();
    else
      value = source.path.reduce<unknown>(
        (at, key) => (at as Record<string, unknown> | null | undefined)?.[key],
        run.results.get(source.stepId),
      );
    const member = source.kind === "result" ? ["results", source.stepId, ...source.path].join(".") : `ctx.${source.kind}`;
    if (value === undefined || value === null) {
      throw new TypeError(
        `Parameter '${name}' of the execution has no value: ${member} is [${String(value)}]. Please make the step's result hold it.`,
      );
    }
    const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
    if (text.length > 1024) {
      throw new TypeError(
        `Parameter '${name}' of the execution is ${text.length} characters long (${member}), and a SageMaker Pipelines parameter value holds at most 1024. Please pass a reference instead (an S3 URI).`,
      );
    }
    return { Name: name, Value: text };
  });
}
