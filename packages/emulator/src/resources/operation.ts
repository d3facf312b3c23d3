/**
 * An emulated SageMaker operation: a request already checked against the model's constraints
 * (validation/) in, the SDK's output shape out (Dates for timestamps; the wire layer encodes
 * them). Errors are thrown as ServiceError.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler narrows its own input
export type Operation = (input: any) => object;

export type OperationTable = Readonly<Record<string, Operation>>;

/** The `1 validation error detected: …` form SageMaker uses for a constraint on one member (§2.3). */
export function nullMemberMessage(path: string): string {
  return `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`;
}
