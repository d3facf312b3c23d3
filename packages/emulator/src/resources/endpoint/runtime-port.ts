import { ContainerError } from "../../containers/contract.js";
import { serverFor } from "../../containers/serving.js";
import type { RuntimePort } from "../../runtime/port.js";
import { instanceIdOf } from "../instance-id.js";
import type { Kit } from "../kind.js";
import { stateAt, type EndpointRecord } from "./record.js";

/**
 * The emulator's endpoints as SageMaker Runtime sees them: the status and variants an endpoint
 * has now, and each variant's model serving code (built-in or registered), loaded from the
 * model.tar.gz its model names.
 */
export function endpointRuntimePort(kit: Kit<EndpointRecord>): RuntimePort {
  // [DOC] CreateEndpoint: the name "is case-insensitive in CreateEndpoint, but the case is preserved and must be matched in InvokeEndpoint".
  const exactly = (name: string): EndpointRecord | undefined => {
    const row = kit.table.get(name);
    return row?.name === name ? row : undefined;
  };
  return {
    endpoint(name) {
      const row = exactly(name);
      if (!row) return undefined;
      const { state } = stateAt(row, kit.now());
      if (state.gone) return undefined;
      return {
        status: state.status,
        arn: row.arn,
        variants: (state.current?.variants ?? []).map((v) => ({ name: v.name, weight: v.weight })),
      };
    },
    invoke(endpoint, variantName, request) {
      const row = exactly(endpoint);
      const variant = row && stateAt(row, kit.now()).state.current?.variants.find((v) => v.name === variantName);
      try {
        const server = variant?.model && serverFor(kit.ctx.data, variant.model);
        if (!server) {
          throw new ContainerError(
            "ClientError",
            `The sagerun emulator has no serving code for the image ${variant?.model?.image ?? "(none)"}: register it with the emulator's \`images\` option.`,
            500,
          );
        }
        return server.invoke(request);
      } catch (error) {
        // [DOC] endpoints log to /aws/sagemaker/Endpoints/<name>, one stream per variant instance:
        // the container's failure is what a user reads there after a ModelError (its LogStreamArn).
        if (row) logFailure(kit, row, variantName, error);
        throw error;
      }
    },
  };
}

function logFailure(kit: Kit<EndpointRecord>, row: EndpointRecord, variantName: string, error: unknown): void {
  const now = kit.now();
  const stream = `${variantName}/${instanceIdOf(kit.ctx.seedFor(`${row.arn}#${variantName}`))}`;
  const message = error instanceof Error ? error.message : String(error);
  kit.ctx.data.logs.appendEvents(`/aws/sagemaker/Endpoints/${row.name}`, stream, [{ timestamp: now, message }], now);
}
