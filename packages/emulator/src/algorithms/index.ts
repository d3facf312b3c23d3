import type { Algorithm } from "../containers/contract.js";
import { knn } from "./knn/knn.js";
import { linearLearner } from "./linear-learner/linear-learner.js";
import { xgboost } from "./xgboost/xgboost.js";

/**
 * The built-in algorithms the emulator runs itself, by the repository name of their image.
 * SageMaker publishes them as `<account>.dkr.ecr.<region>.amazonaws.com/<name>:<tag>` in an
 * account per region (`.amazonaws.com.cn` in the China regions; SageMaker developer guide,
 * sagemaker-algo-docker-registry-paths.md), so any account, region and tag (or digest) matches.
 */
const BUILT_IN_IMAGE =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/(?<repository>[a-z0-9][a-z0-9._/-]*?)(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

const BY_REPOSITORY: ReadonlyMap<string, Algorithm> = new Map([
  ["knn", knn],
  ["linear-learner", linearLearner],
  // XGBoost 1.0 and later; `xgboost:1` is the 0.72 image of the same algorithm.
  ["sagemaker-xgboost", xgboost],
  ["xgboost", xgboost],
]);

/**
 * The built-in algorithm an image runs, or undefined for any other image (user code is
 * registered elsewhere). The XGBoost image also runs user scripts (script mode); its algorithm
 * refuses a job that names `sagemaker_program`.
 *
 * @example builtInAlgorithmFor("382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1") // k-NN
 */
export function builtInAlgorithmFor(image: string): Algorithm | undefined {
  const repository = BUILT_IN_IMAGE.exec(image)?.groups?.repository;
  return repository === undefined ? undefined : BY_REPOSITORY.get(repository);
}
