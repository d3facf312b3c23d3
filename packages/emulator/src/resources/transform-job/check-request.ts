import type { CreateTransformJobRequest } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";

/** [DOC] CreateTransformJob MaxPayloadInMB: "The default value is 6 MB." */
const DEFAULT_MAX_PAYLOAD_MB = 6;
/** [DOC] "The value of MaxPayloadInMB cannot be greater than 100 MB." */
const MAX_PAYLOAD_MB = 100;

/**
 * The payload limits the model cannot express (it only says min 0). [DOC] CreateTransformJob
 * MaxPayloadInMB: at most 100 MB, and "If you specify the MaxConcurrentTransforms parameter, the
 * value of (MaxConcurrentTransforms * MaxPayloadInMB) also cannot exceed 100 MB" — with the
 * documented default of 6 MB when MaxPayloadInMB is left out. The texts are [INF]: the first
 * in Coral's constraint form (docs/fidelity.md §2.3), the second in the documentation's words.
 */
export function checkTransformRequest(input: CreateTransformJobRequest): void {
  const payload = input.MaxPayloadInMB;
  if (payload !== undefined && payload > MAX_PAYLOAD_MB) {
    throw validationError(
      `1 validation error detected: Value '${payload}' at 'maxPayloadInMB' failed to satisfy constraint: Member must have value less than or equal to ${MAX_PAYLOAD_MB}`,
    );
  }
  const concurrent = input.MaxConcurrentTransforms;
  const effectivePayload = payload ?? DEFAULT_MAX_PAYLOAD_MB;
  if (concurrent !== undefined && concurrent * effectivePayload > MAX_PAYLOAD_MB) {
    throw validationError(
      `The value of (MaxConcurrentTransforms * MaxPayloadInMB) cannot exceed ${MAX_PAYLOAD_MB} MB: ${concurrent} * ${effectivePayload} = ${concurrent * effectivePayload}.`,
    );
  }
}
