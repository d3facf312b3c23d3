import { EndpointFailedError, type JsonDescription } from "../errors/index.js";
import { endpointPhase, type EndpointDescription } from "./endpoint-kind.js";

/** What the caller knows beyond the description: the config being deployed, whether an update rolled back. */
interface FailureContext {
  readonly endpointConfigName?: string | undefined;
  readonly rolledBack?: boolean | undefined;
}

/** The error for an endpoint that will not serve what was asked, from its last description (`undefined`: not found). */
export function endpointFailed(
  endpointName: string,
  description: EndpointDescription | undefined,
  context: FailureContext = {},
): EndpointFailedError {
  return new EndpointFailedError({
    endpointName,
    status: description?.EndpointStatus,
    failureReason: description?.FailureReason,
    endpointConfigName: context.endpointConfigName ?? description?.EndpointConfigName,
    rolledBack: context.rolledBack,
    description: description as JsonDescription | undefined,
  });
}

/**
 * The sensor's verdict on one check, as a `done` for `EndpointWaiter.until`: InService → done;
 * a change under way → keep polling; anything else (failed, being deleted, gone) throws
 * {@link EndpointFailedError}.
 */
export function inServiceOrThrow(endpointName: string, description: EndpointDescription | undefined): boolean {
  switch (endpointPhase(description)) {
    case "ready":
      return true;
    case "running":
      return false;
    default:
      throw endpointFailed(endpointName, description);
  }
}
