import type * as SageMaker from "@aws-sdk/client-sagemaker";
import type { Handler } from "@smithy/types";

/**
 * The emulator's operations are typed by the AWS SDK's own shapes, derived from its commands
 * (`CreateTrainingJobCommand` → input `CreateTrainingJobRequest`, output without `$metadata`), so
 * a handler's input and output are checked by the compiler against the client users call.
 */
type Sdk = typeof SageMaker;

/** Every SageMaker operation the SDK knows: "CreateTrainingJob", "ListTags", … */
export type OperationName = { [K in keyof Sdk]: K extends `${infer Op}Command` ? Op : never }[keyof Sdk];

type CommandOf<Op extends OperationName> = InstanceType<Sdk[`${Op}Command`]>;
export type OperationInput<Op extends OperationName> = CommandOf<Op>["input"];
export type OperationOutput<Op extends OperationName> =
  ReturnType<CommandOf<Op>["resolveMiddleware"]> extends Handler<never, infer O> ? Omit<O, "$metadata"> : never;

// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how a type asks whether K is optional.
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Leaf = string | number | boolean | bigint | Date | Uint8Array;

/**
 * A request after validation (validation/): members the model requires are present (the SDK
 * types them `X | undefined`), nothing is null, and only the model's members remain. Handlers
 * take this, so they need no non-null assertions on what validation already checked.
 */
export type Validated<T> = T extends Leaf
  ? T
  : T extends readonly (infer E)[]
    ? Validated<E>[]
    : T extends object
      ? string extends keyof T
        ? { [key: string]: Validated<NonNullable<T[string & keyof T]>> }
        : { [K in keyof T as K extends RequiredKeys<T> ? K : never]-?: Validated<NonNullable<T[K]>> } & {
            [K in keyof T as K extends RequiredKeys<T> ? never : K]?: Validated<NonNullable<T[K]>>;
          }
      : T;

/** One emulated operation: a validated request in, the SDK's output shape out; errors thrown as ServiceError. */
export type Operation<Op extends OperationName> = (input: Validated<OperationInput<Op>>) => OperationOutput<Op>;

/** Operations by name, each typed by its own SDK shapes. */
export type Operations = { readonly [Op in OperationName]?: Operation<Op> };

/** The `1 validation error detected: …` form SageMaker uses for a constraint on one member. */
export function nullMemberMessage(path: string): string {
  return `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`;
}
