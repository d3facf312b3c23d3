import type { ExampleIo } from "../shared/example-io.js";

/** An {@link ExampleIo} that keeps what an example writes, for a test to read. */
export interface CapturedIo {
  readonly io: ExampleIo;
  /** stdout, one entry a line. */
  readonly out: string[];
  /** stderr: errors and usage, one entry a line. */
  readonly err: string[];
  /** The progress view's plain lines. */
  readonly progress: string[];
}

/**
 * Captures an example's output. `env` is the whole environment the example sees: nothing from the
 * test process's leaks in, so SAGERUN_BACKEND is unset (the emulator) unless given.
 */
export function captureIo(env: Record<string, string> = {}, cwd = process.cwd()): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const lines = (into: string[]) => (text: string) => void into.push(...text.split("\n").filter((line) => line !== ""));
  const io: ExampleIo = {
    out: lines(out),
    err: lines(err),
    progress: { write: lines(progress), isTTY: false },
    env,
    cwd,
  };
  return { io, out, err, progress };
}
