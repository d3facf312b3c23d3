import { SageMakerServiceException, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";

/** What can go wrong on the wire, by the code the SDK's error then carries. */
export type Fault =
  | "ThrottlingException"
  | "ThrottledException"
  | "TooManyRequestsException"
  | "RequestLimitExceeded"
  | "InternalFailure"
  | "ServiceUnavailable"
  | "ECONNRESET"
  | "ETIMEDOUT"
  | "TimeoutError"
  | "AccessDeniedException";

/**
 * The error the SDK hands back for `fault`: a service exception with the status AWS answers with
 * (400 for throttling and AccessDenied, 500/503 for the others), or Node's own socket error.
 */
function faultError(fault: Fault): Error {
  switch (fault) {
    case "ECONNRESET":
      return Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    case "ETIMEDOUT":
      return Object.assign(new Error("connect ETIMEDOUT 52.94.1.1:443"), { code: "ETIMEDOUT" });
    case "TimeoutError":
      // @smithy/node-http-handler's request timeout.
      return Object.assign(new Error("Connection timed out after 5000 ms"), { name: "TimeoutError" });
    default: {
      const status = { InternalFailure: 500, ServiceUnavailable: 503 }[fault as string] ?? 400;
      return new SageMakerServiceException({
        name: fault,
        $fault: status >= 500 ? "server" : "client",
        $metadata: { httpStatusCode: status },
        message: fault === "AccessDeniedException" ? "User is not authorized to perform: sagemaker:DescribeTrainingJob" : fault,
      });
    }
  }
}

/**
 * Which sends fail: `command` is the SDK command's name ("DescribeTrainingJobCommand"), `nth`
 * counts its sends on the wire from 1. `"before"` fails the send before it reaches the service;
 * `"after"` lets the service act on it and loses the answer (the SDK got nothing back).
 */
export type FaultRule = (command: string, nth: number) => { readonly fault: Fault; readonly when: "before" | "after" } | undefined;

/** What reached the wire: every send of each command, and when on the clock it went. */
export interface WireLog {
  sends(command: string): number;
  /** The clock's time of each send of `command`, in order. */
  times(command: string): number[];
}

/**
 * Adds an SDK middleware to `client` that injects faults by `rule`. It sits in the finalizeRequest
 * step below the SDK's retry middleware (priority low; retry is high), so it sees every attempt
 * the SDK makes, retries included: what it counts went on the wire.
 */
export function injectFaults(client: SageMakerClient, clock: Clock, rule: FaultRule): WireLog {
  const sent = new Map<string, number[]>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? "unknown";
      const times = sent.get(command) ?? [];
      sent.set(command, times);
      times.push(clock.now());
      const planned = rule(command, times.length);
      if (planned?.when === "before") throw faultError(planned.fault);
      const answer = await next(args);
      if (planned?.when === "after") throw faultError(planned.fault);
      return answer;
    },
    { step: "finalizeRequest", priority: "low", name: "sagerunTestWireFaults" },
  );
  return { sends: (command) => sent.get(command)?.length ?? 0, times: (command) => [...(sent.get(command) ?? [])] };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), for reproducible jitter. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
