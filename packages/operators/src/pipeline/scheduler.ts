/** A node to schedule: its id and the ids it waits for (all of them nodes of the same DAG). */
interface Node {
  readonly id: string;
  readonly dependsOn: readonly string[];
}

/** How a node ended. */
export type Settled =
  | { readonly state: "succeeded"; readonly result: unknown }
  | { readonly state: "failed"; readonly error: unknown }
  /** `because`: the failed node upstream. */
  | { readonly state: "skipped"; readonly because: string }
  /** `started`: it was running when the signal aborted (and `error` is what it rejected with). */
  | { readonly state: "cancelled"; readonly started: boolean; readonly error?: unknown };

interface ScheduleOptions {
  /** At most this many nodes run at once. */
  readonly concurrency: number;
  /** Aborting it aborts every running node's signal and starts no other node. */
  readonly signal: AbortSignal;
  /** Runs a node, once, after each of its dependencies succeeded. */
  start(id: string, signal: AbortSignal): Promise<unknown>;
  /** Told once per node as it settles, before any node that depends on it may start. */
  settled(id: string, outcome: Settled): void;
}

/**
 * Runs a DAG (already checked: known ids, no cycle). A node starts once all its dependencies have
 * succeeded and fewer than `concurrency` nodes run; among the ready ones, earlier nodes first. A
 * failure skips every node that depends on the failed one, directly or not; the rest go on. When
 * `signal` aborts, the nodes not started are cancelled and the running ones are aborted, and the
 * promise resolves once they have all settled. It never rejects.
 */
export function schedule(nodes: readonly Node[], options: ScheduleOptions): Promise<ReadonlyMap<string, Settled>> {
  const { concurrency, signal } = options;
  const dependents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const n of nodes) for (const d of new Set(n.dependsOn)) dependents.get(d)?.push(n.id);
  const pending = new Set(nodes.map((n) => n.id));
  const running = new Map<string, AbortController>();
  const outcomes = new Map<string, Settled>();

  return new Promise((resolve) => {
    const settle = (id: string, outcome: Settled): void => {
      pending.delete(id);
      outcomes.set(id, outcome);
      options.settled(id, outcome);
    };
    const skipDependentsOf = (failed: string): void => {
      const queue = [...(dependents.get(failed) ?? [])];
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (!pending.has(id)) continue;
        settle(id, { state: "skipped", because: failed });
        queue.push(...(dependents.get(id) ?? []));
      }
    };
    const launch = (node: Node): void => {
      const controller = new AbortController();
      pending.delete(node.id);
      running.set(node.id, controller);
      // A synchronous throw in `start` is a rejection like any other.
      new Promise((ok) => ok(options.start(node.id, controller.signal))).then(
        (result) => finish(node.id, { state: "succeeded", result }),
        (error: unknown) => finish(node.id, signal.aborted ? { state: "cancelled", started: true, error } : { state: "failed", error }),
      );
    };
    const finish = (id: string, outcome: Settled): void => {
      running.delete(id);
      settle(id, outcome);
      if (outcome.state === "failed") skipDependentsOf(id);
      pump();
    };
    const pump = (): void => {
      if (!signal.aborted) {
        for (const node of nodes) {
          if (running.size >= concurrency) break;
          if (pending.has(node.id) && node.dependsOn.every((d) => outcomes.get(d)?.state === "succeeded")) launch(node);
        }
      }
      if (running.size > 0) return;
      signal.removeEventListener("abort", cancel);
      // Without an abort nothing is left here: a DAG's pending nodes always include a ready one
      // or wait for a failed one (and were skipped). Cancelled ones never started.
      for (const id of [...pending]) settle(id, { state: "cancelled", started: false });
      resolve(outcomes);
    };
    const cancel = (): void => {
      for (const id of [...pending]) settle(id, { state: "cancelled", started: false });
      for (const controller of running.values()) controller.abort(signal.reason);
      pump();
    };
    if (signal.aborted) cancel();
    else {
      signal.addEventListener("abort", cancel, { once: true });
      pump();
    }
  });
}
