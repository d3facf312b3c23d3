import { describe, expect, it } from "vitest";
import { resolveKnnConfig } from "./hyperparameters.js";

const REQUIRED = { feature_dim: "4", k: "3", predictor_type: "classifier", sample_size: "100" };

const failure = (hyperparameters: Record<string, string>): unknown => {
  try {
    resolveKnnConfig(hyperparameters);
  } catch (error) {
    return error;
  }
  throw new Error("expected resolveKnnConfig to throw");
};

/** Each documented rule of kNN_hyperparameters.md, broken once. */
describe(resolveKnnConfig.name, () => {
  it("resolves the documented defaults", () => {
    expect(resolveKnnConfig(REQUIRED)).toEqual({
      featureDim: 4,
      k: 3,
      predictorType: "classifier",
      sampleSize: 100,
      indexMetric: "L2",
      indexType: "faiss.Flat",
      miniBatchSize: 5000,
      dimensionReduction: undefined,
      faissIndexIvfNlists: "auto",
      faissIndexPqM: undefined,
    });
  });

  it("resolves every optional hyperparameter", () => {
    const config = resolveKnnConfig({
      ...REQUIRED,
      predictor_type: "regressor",
      index_metric: "COSINE",
      index_type: "faiss.IVFFlat",
      mini_batch_size: "10",
      dimension_reduction_type: "fjlt",
      dimension_reduction_target: "3",
      faiss_index_ivf_nlists: "8",
      faiss_index_pq_m: "16",
    });
    expect(config).toMatchObject({
      predictorType: "regressor",
      indexMetric: "COSINE",
      indexType: "faiss.IVFFlat",
      miniBatchSize: 10,
      dimensionReduction: { type: "fjlt", target: 3 },
      faissIndexIvfNlists: 8,
      faissIndexPqM: 16,
    });
  });

  it.each(["feature_dim", "k", "predictor_type", "sample_size"])("refuses a job without %s", (name) => {
    const { [name as keyof typeof REQUIRED]: _, ...rest } = REQUIRED;
    expect(failure(rest)).toMatchObject({ category: "ClientError", statusCode: 400, message: `Missing required hyperparameter: ${name}` });
  });

  it.each([
    ["feature_dim", "0", "must be a positive integer"],
    ["feature_dim", "4.0", "must be a positive integer"],
    ["feature_dim", "four", "must be a positive integer"],
    ["k", "0", "must be a positive integer"],
    ["k", "-2", "must be a positive integer"],
    ["sample_size", "0", "must be a positive integer"],
    ["predictor_type", "classification", "must be one of classifier, regressor"],
    ["index_metric", "L1", "must be one of L2, INNER_PRODUCT, COSINE"],
    ["index_metric", "l2", "must be one of L2, INNER_PRODUCT, COSINE"],
    ["index_type", "faiss.HNSW", "must be one of faiss.Flat, faiss.IVFFlat, faiss.IVFPQ"],
    ["mini_batch_size", "0", "must be a positive integer"],
    ["faiss_index_ivf_nlists", "0", "must be auto or a positive integer"],
    ["faiss_index_pq_m", "5", "must be one of 1, 2, 3, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 96"],
    ["dimension_reduction_type", "pca", "must be one of sign, fjlt"],
    ["dimension_reduction_target", "0", "must be a positive integer less than feature_dim (4)"],
    ["dimension_reduction_target", "4", "must be a positive integer less than feature_dim (4)"],
  ])("refuses %s=%s", (name, value, why) => {
    const extra = name === "dimension_reduction_target" ? { dimension_reduction_type: "sign" } : {};
    expect(failure({ ...REQUIRED, ...extra, [name]: value })).toMatchObject({
      category: "ClientError",
      message: `Invalid hyperparameter value ${value} for ${name}: ${why}`,
    });
  });

  it.each(["INNER_PRODUCT", "COSINE"])("refuses index_metric %s with faiss.IVFPQ", (metric) => {
    expect(failure({ ...REQUIRED, index_type: "faiss.IVFPQ", index_metric: metric })).toMatchObject({
      message: `Invalid hyperparameter value ${metric} for index_metric: INNER_PRODUCT and COSINE are not supported with index_type faiss.IVFPQ`,
    });
  });

  it("requires dimension_reduction_target with dimension_reduction_type (the SageMaker Python SDK's wording)", () => {
    expect(failure({ ...REQUIRED, dimension_reduction_type: "sign" })).toMatchObject({
      message: '"dimension_reduction_target" is required when "dimension_reduction_type" is set.',
    });
  });

  it("refuses an unknown hyperparameter, naming it", () => {
    expect(failure({ ...REQUIRED, epochs: "3", foo: "1" })).toMatchObject({
      category: "ClientError",
      message: expect.stringMatching(/^Extraneous hyperparameter found: epochs \(k-NN knows feature_dim, k, /),
    });
  });

  it("accepts the hyperparameters SageMaker adds itself (names starting with _)", () => {
    expect(resolveKnnConfig({ ...REQUIRED, _tuning_objective_metric: "test:accuracy" }).k).toBe(3);
  });
});
