import { PipelineFailedError } from "@sagerun/operators";
import type { ExampleIo } from "./example-io.js";
import { UsageError } from "./example-options.js";

/**
 * Runs an example's body and says how it ended as an exit code: 0; 1 when the pipeline failed or
 * was cancelled, with its report's message; 2 for a mistake on the command line, with the usage.
 * Anything else is a bug, thrown as it is.
 */
export async function runExample(io: ExampleIo, command: string, usage: string, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${command}: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof PipelineFailedError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
