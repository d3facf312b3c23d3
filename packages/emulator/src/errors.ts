/**
 * Errors the emulator answers with. Codes are SageMaker's own exception shape names (botocore's
 * `data/sagemaker/2017-07-24/service-2.json`: `ResourceNotFound`, not `ResourceNotFoundException`)
 * plus Coral's framework errors, so boto3's `client.exceptions.ResourceInUse` and the JS SDK's
 * `instanceof ResourceInUse` both match. How an error travels (its `__type`, which message key,
 * the `x-amzn-ErrorType` header) is the wire's business: src/wire/aws-json.ts.
 */
export type ServiceErrorCode =
  // SageMaker's modelled exceptions.
  | "ResourceNotFound"
  | "ResourceInUse"
  | "ResourceLimitExceeded"
  | "ConflictException"
  // CloudWatch Logs' modelled exceptions (botocore's data/logs/2014-03-28/service-2.json).
  | "ResourceNotFoundException"
  | "ResourceAlreadyExistsException"
  | "InvalidParameterException"
  // Coral's framework errors, which every AWS JSON service answers.
  | "ValidationException"
  | "ThrottlingException"
  | "SerializationException"
  | "UnknownOperationException"
  | "InternalFailure"
  // The HTTP server's own refusals, for requests that never reach the SageMaker API.
  | "BadRequestException"
  | "AccessDeniedException"
  | "NotFoundException"
  | "MethodNotAllowedException"
  | "RequestTimeoutException"
  | "RequestEntityTooLargeException"
  | "RequestHeaderFieldsTooLargeException"
  | "ExpectationFailedException";

/** The HTTP status of each code that is not a plain client error (400). */
const STATUS: Partial<Record<ServiceErrorCode, number>> = {
  InternalFailure: 500,
  AccessDeniedException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  RequestTimeoutException: 408,
  RequestEntityTooLargeException: 413,
  ExpectationFailedException: 417,
  RequestHeaderFieldsTooLargeException: 431,
};

export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly code: ServiceErrorCode;
  readonly statusCode: number;

  constructor(code: ServiceErrorCode, message: string, statusCode = STATUS[code] ?? 400) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
  }
}

/** The mark {@link unimplementedOperation} leaves, so the wire and the HTTP server can tell. */
class UnimplementedOperationError extends ServiceError {
  constructor(
    readonly operation: string,
    readonly service: UnimplementedService,
  ) {
    super(
      "UnknownOperationException",
      `${service.targetPrefix}.${operation} is a ${service.name} operation that the sagerun emulator does not implement yet. ` +
        `Your client and request are fine: this is a gap in the emulator. The operations it implements are ` +
        `listed in the @sagerun/emulator README, "What it emulates".`,
    );
  }
}

/**
 * The answer to an operation SageMaker has but the emulator lacks. The real service never answers
 * UnknownOperationException for one of its own operations, so this one carries a message saying
 * the gap is the emulator's: without it the JS SDK shows `UnknownError` and boto3 an empty message,
 * and a user cannot tell a missing feature from a broken client. Names that are not SageMaker
 * operations at all keep the service's bare answer (no message).
 */
export function unimplementedOperation(operation: string, service: UnimplementedService = SAGEMAKER): ServiceError {
  return new UnimplementedOperationError(operation, service);
}

/** The service an {@link unimplementedOperation} belongs to: its AWS JSON target prefix and its name. */
export interface UnimplementedService {
  readonly targetPrefix: string;
  readonly name: string;
}

const SAGEMAKER: UnimplementedService = { targetPrefix: "SageMaker", name: "SageMaker" };

/** `<TargetPrefix>.<Operation>` of an {@link unimplementedOperation} error; undefined for any other error. */
export function unimplementedTargetOf(error: unknown): string | undefined {
  return error instanceof UnimplementedOperationError ? `${error.service.targetPrefix}.${error.operation}` : undefined;
}

/** The operation an {@link unimplementedOperation} error names; undefined for any other error. */
export function unimplementedOperationOf(error: unknown): string | undefined {
  return error instanceof UnimplementedOperationError ? error.operation : undefined;
}

export const validationError = (message: string): ServiceError => new ServiceError("ValidationException", message);
export const resourceInUse = (message: string): ServiceError => new ServiceError("ResourceInUse", message);
export const resourceNotFound = (message: string): ServiceError => new ServiceError("ResourceNotFound", message);
