/**
 * The operators running in this process, so that {@link abortRunning} can cancel them all when the
 * process is told to end (`stopJobsOnSignal`). A process-wide set on purpose: a signal is sent to
 * the process, not to a client or a call. Nothing is kept once an operator settles.
 */

interface Running {
  abort(reason: unknown): void;
  /** Resolves once the operator has finished, its Stop request included. */
  readonly settled: Promise<void>;
}

const running = new Set<Running>();

/** An operator between {@link enterOperation} and `leave()`. */
interface Operation {
  /** Aborts when the caller's signal does, or when {@link abortRunning} is called. */
  readonly signal: AbortSignal;
  /** Marks the operator finished. Call it exactly once, in a `finally`. */
  leave(): void;
}

/**
 * Registers a starting operator. Its signal follows the caller's (same reason, so the operator
 * still rejects with exactly what the caller aborted with) and can also be aborted from here.
 */
export function enterOperation(callerSignal: AbortSignal | undefined): Operation {
  const controller = new AbortController();
  const follow = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) follow();
  else callerSignal?.addEventListener("abort", follow, { once: true });
  let settle!: () => void;
  const entry: Running = { abort: (reason) => controller.abort(reason), settled: new Promise((resolve) => (settle = resolve)) };
  running.add(entry);
  return {
    signal: controller.signal,
    leave() {
      running.delete(entry);
      callerSignal?.removeEventListener("abort", follow);
      settle();
    },
  };
}

/** Runs `body` as a registered operator (see {@link enterOperation}). */
export async function track<T>(callerSignal: AbortSignal | undefined, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const operation = enterOperation(callerSignal);
  try {
    return await body(operation.signal);
  } finally {
    operation.leave();
  }
}

/** How many operators are running now. */
export function runningOperators(): number {
  return running.size;
}

/**
 * Aborts every running operator with `reason` and resolves when all of them have settled: each
 * has sent the Stop request its `stopOnAbort` asks for. Operators that start meanwhile are not
 * waited for; call again while {@link runningOperators} is not 0.
 */
export async function abortRunning(reason: unknown): Promise<void> {
  const now = [...running];
  for (const operation of now) operation.abort(reason);
  await Promise.all(now.map((operation) => operation.settled));
}
