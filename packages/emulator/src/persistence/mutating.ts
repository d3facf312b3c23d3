import type { ServiceName } from "../service-router.js";
import { header, type WireRequest } from "../wire/aws-json.js";

/**
 * AWS JSON operations that only read, by their verb (botocore's SageMaker and Logs models name
 * every read Describe*, List*, Get*, Search*, Filter*, BatchDescribe*, BatchGet*, Query*). Any
 * other operation is taken as a change and logged: replaying a read changes nothing, so taking
 * one for a change costs a record, while missing a change would lose it.
 */
const READ_VERB = /^(Describe|List|Get|Search|Filter|BatchDescribe|BatchGet|Query|TestMetricFilter)/;

/**
 * Whether a request may change the emulator's state, and so must be on disk before it is
 * answered. S3 reads are GET and HEAD; SageMaker Runtime's InvokeEndpoint changes nothing
 * stored (its variant choice is a draw, not state); SageMaker and Logs name their reads.
 */
export function mayChange(service: ServiceName, request: WireRequest): boolean {
  if (service === "s3") return request.method !== "GET" && request.method !== "HEAD";
  if (service === "runtime") return false;
  const operation = header(request, "x-amz-target")?.split(".").at(-1) ?? "";
  return !READ_VERB.test(operation);
}
