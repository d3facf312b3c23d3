/**
 * Errors the emulator answers with. Codes are SageMaker's own exception shape names (botocore
 * service-2.json: `ResourceNotFound`, not `ResourceNotFoundException`) plus Coral's framework
 * errors, so boto3's `client.exceptions.ResourceInUse` and the JS SDK's `instanceof ResourceInUse`
 * both match. See ../shared/reference/sagemaker-semantics.md §1.1–§2.
 */
export type ServiceErrorCode =
  | "ValidationException"
  | "ResourceNotFound"
  | "ResourceInUse"
  | "ResourceLimitExceeded"
  | "ConflictException"
  | "ThrottlingException"
  | "SerializationException"
  | "UnknownOperationException"
  | "InternalFailure";

/** Coral's framework errors travel with a namespaced `__type`; modelled ones with the bare name. */
const CORAL_NAMESPACED: ReadonlySet<ServiceErrorCode> = new Set([
  "SerializationException",
  "UnknownOperationException",
]);

/** Exceptions SageMaker models carry their text in `Message`; framework errors use `message`. */
const MODELLED: ReadonlySet<ServiceErrorCode> = new Set([
  "ResourceNotFound",
  "ResourceInUse",
  "ResourceLimitExceeded",
  "ConflictException",
]);

export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly code: ServiceErrorCode;
  readonly statusCode: number;

  constructor(code: ServiceErrorCode, message: string, statusCode = code === "InternalFailure" ? 500 : 400) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
  }

  /** The value of `__type` on the wire. */
  get wireType(): string {
    return CORAL_NAMESPACED.has(this.code) ? `com.amazon.coral.service#${this.code}` : this.code;
  }

  /** The JSON error body, with the message under the key the real service uses for this code. */
  toBody(): Record<string, unknown> {
    const key = MODELLED.has(this.code) ? "Message" : "message";
    // UnknownOperationException comes back with no message at all (aws/aws-sdk-net#1536).
    if (this.code === "UnknownOperationException") return { __type: this.wireType };
    return { __type: this.wireType, [key]: this.message };
  }
}

export const validationError = (message: string): ServiceError => new ServiceError("ValidationException", message);
export const resourceInUse = (message: string): ServiceError => new ServiceError("ResourceInUse", message);
export const resourceNotFound = (message: string): ServiceError => new ServiceError("ResourceNotFound", message);
