import type { ProgressOutput } from "@sagerun/operators";

/** Where an example writes and the environment it reads: the process's, or a test's. */
export interface ExampleIo {
  /** A line for the person running the example: what the run does and what it found (stdout). */
  out(line: string): void;
  /** An error or the usage text (stderr). */
  err(line: string): void;
  /** Where the pipeline's progress view draws (stderr: plain lines off a terminal or in CI, a live frame on one). */
  readonly progress: ProgressOutput;
  /** SAGERUN_BACKEND, SAGERUN_BUCKET, SAGERUN_ROLE_ARN, the AWS settings… */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths given on the command line start. */
  readonly cwd: string;
}

/**
 * The process's streams and environment. Relative paths start where the command was typed:
 * `pnpm example` runs the script in examples/, and tells it the caller's directory as `INIT_CWD`.
 */
export function processIo(): ExampleIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: process.stderr,
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}
