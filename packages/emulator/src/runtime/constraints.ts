import { RestJsonError } from "../wire/rest-json.js";

/**
 * The constraints botocore's sagemaker-runtime model puts on InvokeEndpoint's path and header
 * members (the SDKs do not check them; the service does), reported in Coral's words, as
 * validation/validate.ts reports SageMaker's: every violation, in member order, in one
 * ValidationError (`1 validation error detected: Value 'a_b' at 'targetVariant' failed to
 * satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*`).
 * The member names and texts are Coral's [INF] for this service. A sensitive member (the model's
 * `sensitive`) is named without its value, as Coral does (`Value at 'password' failed to satisfy
 * constraint`: Cognito's sensitive password, aws-amplify/amplify-js#4177).
 */

/** The constrained members of InvokeEndpointInput, named as Coral names them: the model's names with a lower-case first letter. */
export interface ConstrainedMembers {
  readonly endpointName: string;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  readonly customAttributes: string | undefined;
  readonly targetModel: string | undefined;
  readonly targetVariant: string | undefined;
  readonly inferenceId: string | undefined;
}

interface Constraint {
  readonly member: keyof ConstrainedMembers;
  readonly min?: number;
  readonly max: number;
  /** The pattern as the model writes it, and a JavaScript test of the whole value. */
  readonly pattern?: readonly [shown: string, whole: RegExp];
  readonly sensitive?: boolean;
}

const NAME_PATTERN = ["^[a-zA-Z0-9](-*[a-zA-Z0-9])*", /^[a-zA-Z0-9](?:-*[a-zA-Z0-9])*$/] as const;
const ASCII = ["\\p{ASCII}*", /^\p{ASCII}*$/u] as const;
// Java's \p{Print} is printable ASCII (\x20-\x7e) unless UNICODE_CHARACTER_CLASS is on, and \S is not whitespace.
const PRINTABLE = ["\\A\\S[\\p{Print}]*\\z", /^\S[\x20-\x7e]*$/] as const;

/** Their constraints, in the model's member order. */
const CONSTRAINTS: readonly Constraint[] = [
  { member: "endpointName", max: 63, pattern: NAME_PATTERN },
  { member: "contentType", max: 1024, pattern: ASCII },
  { member: "accept", max: 1024, pattern: ASCII },
  { member: "customAttributes", max: 1024, pattern: ASCII, sensitive: true },
  { member: "targetModel", min: 1, max: 1024, pattern: PRINTABLE },
  { member: "targetVariant", max: 63, pattern: NAME_PATTERN },
  { member: "inferenceId", min: 1, max: 64, pattern: PRINTABLE },
];

/** Throws ValidationError listing every constraint the given members break; absent members break none. */
export function checkConstraints(values: ConstrainedMembers): void {
  const found: string[] = [];
  for (const constraint of CONSTRAINTS) {
    const value = values[constraint.member];
    if (value === undefined) continue;
    const subject = constraint.sensitive ? "Value" : `Value '${value}'`;
    for (const phrase of broken(constraint, value)) {
      found.push(`${subject} at '${constraint.member}' failed to satisfy constraint: ${phrase}`);
    }
  }
  if (found.length === 0) return;
  const noun = found.length === 1 ? "error" : "errors";
  throw new RestJsonError("ValidationError", `${found.length} validation ${noun} detected: ${found.join("; ")}`, 400);
}

function broken({ min, max, pattern }: Constraint, value: string): string[] {
  const out: string[] = [];
  if (min !== undefined && value.length < min) out.push(`Member must have length greater than or equal to ${min}`);
  if (value.length > max) out.push(`Member must have length less than or equal to ${max}`);
  // A value far too long is refused by its length alone; the pattern is not run over it.
  else if (pattern !== undefined && !pattern[1].test(value)) out.push(`Member must satisfy regular expression pattern: ${pattern[0]}`);
  return out;
}
