import type { SageMakerClient } from "@aws-sdk/client-sagemaker";

/** A command as far as this file needs it: the SDK's own commands each carry a middleware stack. */
interface StackedCommand {
  readonly middlewareStack: {
    add(middleware: unknown, options: { name: string; step: string; priority: string; override: boolean }): void;
  };
}

// The SDK's retry middleware is registered as `retryMiddleware` in the finalizeRequest step with
// high priority (@smithy/core retry/middleware-retry/retryMiddleware.ts, `retryMiddlewareOptions`,
// `override: true`). A command's own stack is concatenated after the client's, so an entry of the
// same name, step and priority added to the command replaces it for that one call only.
const NO_RETRY = { name: "retryMiddleware", step: "finalizeRequest", priority: "high", override: true } as const;
const passThrough = (next: unknown): unknown => next;

/**
 * `client`, except that whatever is sent through it goes on the wire once: the SDK's own retries
 * are turned off for those calls (other calls of the same client keep them). For Create: a Create
 * whose answer was lost (a 5xx, a reset connection, a timeout) may have created the job, and the
 * SDK's retry would send it again; the caller must look with Describe instead, under the job's
 * name, and decide. The client's other middleware (logging, signing, the emulator's clock hold)
 * runs unchanged.
 *
 * @example
 * ```ts
 * await kind.commands.create(sendOnce(client), input);
 * ```
 */
export function sendOnce(client: SageMakerClient): SageMakerClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "send") return Reflect.get(target, property, receiver);
      return (command: StackedCommand, ...rest: unknown[]): unknown => {
        command.middlewareStack.add(passThrough, NO_RETRY);
        return (target.send as (...args: unknown[]) => unknown)(command, ...rest);
      };
    },
  });
}
