/**
 * The built-in algorithms' images: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`,
 * `.amazonaws.com.cn` in the China regions, any account, region and tag or digest
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-algo-docker-registry-paths.html).
 */
const BUILT_IN_IMAGE =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/(?<repository>[a-z0-9][a-z0-9._/-]*?)(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

/** One hyperparameter test mode lowers, at most to `max` (or to the value of `atLeast`, when that is larger). */
interface HyperParameterCap {
  readonly name: string;
  readonly max: number;
  readonly atLeast?: string;
  readonly why: string;
}

const XGBOOST: readonly HyperParameterCap[] = [
  {
    name: "num_round",
    max: 10,
    // https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost_hyperparameters.html
    why: "XGBoost: at most 10 boosting rounds (num_round) in test mode",
  },
];

/** Caps per image repository name. */
const CAPS: ReadonlyMap<string, readonly HyperParameterCap[]> = new Map([
  [
    "linear-learner",
    [
      {
        name: "epochs",
        max: 1,
        // https://docs.aws.amazon.com/sagemaker/latest/dg/ll_hyperparameters.html (default 15)
        why: "linear learner: one pass over the data (epochs) in test mode",
      },
    ],
  ],
  ["xgboost", XGBOOST],
  ["sagemaker-xgboost", XGBOOST],
  [
    "knn",
    [
      {
        name: "sample_size",
        max: 1000,
        // https://docs.aws.amazon.com/sagemaker/latest/dg/kNN_hyperparameters.html: the number of
        // points sampled into the index; k neighbours need at least k of them.
        atLeast: "k",
        why: "k-NN: at most 1000 sampled points (sample_size, never below k) in test mode",
      },
    ],
  ],
]);

/** A whole number written the way SageMaker's hyperparameters are: a string of digits. */
const WHOLE = /^\d+$/;

/**
 * The built-in algorithm's hyperparameters `image` runs with lowered, as `[name, value, why]`:
 * only those present in `hyperParameters` as whole numbers above their cap. None for any other
 * image, nor for a script-mode job (`sagemaker_program` set: the hyperparameters are the script's).
 *
 * @example builtInCaps("382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1", { num_round: "500" }) // [["num_round", "10", "…"]]
 */
export function builtInCaps(image: string | undefined, hyperParameters: Readonly<Record<string, string>>): [string, string, string][] {
  const repository = image === undefined ? undefined : BUILT_IN_IMAGE.exec(image)?.groups?.repository;
  const caps = repository === undefined ? undefined : CAPS.get(repository);
  if (caps === undefined || Object.hasOwn(hyperParameters, "sagemaker_program")) return [];
  const lowered: [string, string, string][] = [];
  for (const cap of caps) {
    const value = own(hyperParameters, cap.name);
    if (value === undefined || !WHOLE.test(value)) continue;
    const floor = cap.atLeast === undefined ? undefined : own(hyperParameters, cap.atLeast);
    const max = Math.max(cap.max, floor !== undefined && WHOLE.test(floor) ? Number(floor) : 0);
    if (Number(value) > max) lowered.push([cap.name, String(max), cap.why]);
  }
  return lowered;
}

function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
