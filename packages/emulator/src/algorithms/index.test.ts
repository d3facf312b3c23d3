import { describe, expect, it } from "vitest";
import { builtInAlgorithmFor } from "./index.js";

describe("builtInAlgorithmFor", () => {
  it.each([
    ["382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1", "k-NN"],
    ["404615174143.dkr.ecr.us-east-2.amazonaws.com/knn:latest", "k-NN"],
    ["390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/knn:1", "k-NN"],
    ["382416733822.dkr.ecr.us-east-1.amazonaws.com/knn", "k-NN"],
    [`382416733822.dkr.ecr.us-east-1.amazonaws.com/knn@sha256:${"a".repeat(64)}`, "k-NN"],
    ["382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "linear-learner"],
    ["664544806723.dkr.ecr.eu-central-1.amazonaws.com/linear-learner:2.0", "linear-learner"],
    ["683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", "xgboost"],
    ["811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1", "xgboost"],
  ])("recognises %s as %s", (image, name) => {
    expect(builtInAlgorithmFor(image)?.name).toBe(name);
  });

  it.each([
    "382416733822.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1",
    "382416733822.dkr.ecr.us-east-1.amazonaws.com/my-knn:1",
    "382416733822.dkr.ecr.us-east-1.amazonaws.com/team/knn:1",
    "123.dkr.ecr.us-east-1.amazonaws.com/knn:1",
    "docker.io/library/knn:1",
    "knn:1",
    "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1 ",
    "382416733822.dkr.ecr.us-east-1.amazonaws.com/constructor:1",
  ])("leaves %s to user code", (image) => {
    expect(builtInAlgorithmFor(image)).toBeUndefined();
  });
});
