import { ContainerError } from "../../containers/contract.js";
import {
  asChoice,
  asInteger,
  invalidValue,
  POSITIVE_INTEGER,
  type RawHyperparameters,
  rejectUnknown,
  requireValue,
  givenValue,
} from "../hyperparameters.js";

/**
 * k-NN's hyperparameters, exactly as documented (SageMaker developer guide, kNN_hyperparameters.md),
 * each checked against its documented range.
 */

export type PredictorType = "classifier" | "regressor";
export type IndexMetric = "L2" | "INNER_PRODUCT" | "COSINE";
export type IndexType = "faiss.Flat" | "faiss.IVFFlat" | "faiss.IVFPQ";

export interface KnnConfig {
  readonly featureDim: number;
  readonly k: number;
  readonly predictorType: PredictorType;
  readonly sampleSize: number;
  readonly indexMetric: IndexMetric;
  readonly indexType: IndexType;
  readonly miniBatchSize: number;
  /** Validated but not applied: the emulator's search is exact (see search.ts). */
  readonly dimensionReduction: { readonly type: "sign" | "fjlt"; readonly target: number } | undefined;
  readonly faissIndexIvfNlists: number | "auto";
  readonly faissIndexPqM: number | undefined;
}

/** The values a job gets for what it leaves out, as the "Default value" column gives them. */
export const KNN_DEFAULTS: RawHyperparameters = {
  index_metric: "L2",
  index_type: "faiss.Flat",
  mini_batch_size: "5000",
  faiss_index_ivf_nlists: "auto",
};

const KNOWN = [
  "feature_dim",
  "k",
  "predictor_type",
  "sample_size",
  "dimension_reduction_target",
  "dimension_reduction_type",
  "faiss_index_ivf_nlists",
  "faiss_index_pq_m",
  "index_metric",
  "index_type",
  "mini_batch_size",
] as const;

const PQ_M = [1, 2, 3, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 96];

export function resolveKnnConfig(raw: RawHyperparameters): KnnConfig {
  rejectUnknown(raw, KNOWN, "k-NN");
  const featureDim = asInteger("feature_dim", requireValue(raw, "feature_dim"), POSITIVE_INTEGER);
  const k = asInteger("k", requireValue(raw, "k"), POSITIVE_INTEGER);
  const predictorType = asChoice("predictor_type", requireValue(raw, "predictor_type"), ["classifier", "regressor"] as const);
  const sampleSize = asInteger("sample_size", requireValue(raw, "sample_size"), POSITIVE_INTEGER);
  const setting = (name: string): string => givenValue(raw, name) ?? givenValue(KNN_DEFAULTS, name)!;

  const indexMetric = asChoice("index_metric", setting("index_metric"), ["L2", "INNER_PRODUCT", "COSINE"] as const);
  const indexType = asChoice("index_type", setting("index_type"), ["faiss.Flat", "faiss.IVFFlat", "faiss.IVFPQ"] as const);
  if (indexType === "faiss.IVFPQ" && indexMetric !== "L2") {
    throw invalidValue("index_metric", indexMetric, "INNER_PRODUCT and COSINE are not supported with index_type faiss.IVFPQ");
  }
  const miniBatchSize = asInteger("mini_batch_size", setting("mini_batch_size"), POSITIVE_INTEGER);
  const nlists = setting("faiss_index_ivf_nlists");
  const faissIndexIvfNlists =
    nlists === "auto" ? "auto" : asInteger("faiss_index_ivf_nlists", nlists, { min: 1, says: "auto or a positive integer" });
  const pqM = givenValue(raw, "faiss_index_pq_m");
  const faissIndexPqM = pqM === undefined ? undefined : asInteger("faiss_index_pq_m", pqM, { min: 1, says: `one of ${PQ_M.join(", ")}` });
  if (faissIndexPqM !== undefined && !PQ_M.includes(faissIndexPqM))
    throw invalidValue("faiss_index_pq_m", pqM!, `must be one of ${PQ_M.join(", ")}`);

  const reductionType = givenValue(raw, "dimension_reduction_type");
  const reductionTarget = givenValue(raw, "dimension_reduction_target");
  const type = reductionType === undefined ? undefined : asChoice("dimension_reduction_type", reductionType, ["sign", "fjlt"] as const);
  if (type !== undefined && reductionTarget === undefined) {
    // The SageMaker Python SDK's wording for the same check (sagemaker/amazon/knn.py).
    throw new ContainerError("ClientError", `"dimension_reduction_target" is required when "dimension_reduction_type" is set.`);
  }
  const target =
    reductionTarget === undefined
      ? undefined
      : asInteger("dimension_reduction_target", reductionTarget, {
          min: 1,
          max: featureDim - 1,
          says: `a positive integer less than feature_dim (${featureDim})`,
        });
  return {
    featureDim,
    k,
    predictorType,
    sampleSize,
    indexMetric,
    indexType,
    miniBatchSize,
    dimensionReduction: type === undefined || target === undefined ? undefined : { type, target },
    faissIndexIvfNlists,
    faissIndexPqM,
  };
}
