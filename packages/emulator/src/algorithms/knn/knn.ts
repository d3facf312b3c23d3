import {
  type Algorithm,
  ContainerError,
  type ModelFiles,
  type Server,
  type TrainingInput,
  type TrainingIO,
} from "../../containers/contract.js";
import { channelNamed, checkFeatureCount, requiredChannel } from "../check-features.js";
import { type LabelledData, readLabelledChannel } from "../csv.js";
import { writeModelFile } from "../model-file.js";
import { sampleIndices, seededRandom } from "../seeded-random.js";
import { formatPredictions, negotiateResponseFormat, parseInferenceRequest, type Prediction } from "../serving-formats.js";
import { logConfiguration, logScore } from "../training-log.js";
import { KNN_DEFAULTS, resolveKnnConfig } from "./hyperparameters.js";
import { KNN, type KnnModel, loadKnnModel, predict } from "./model.js";

/**
 * Amazon SageMaker's k-nearest-neighbours algorithm (SageMaker developer guide,
 * k-nearest-neighbors.md): training samples up to `sample_size` records and keeps them as the
 * model; inference finds the `k` nearest and votes (classifier) or averages (regressor).
 */
export const knn: Algorithm = {
  name: KNN,
  train,
  load,
};

function train(input: TrainingInput, io: TrainingIO): void {
  const config = resolveKnnConfig(input.hyperParameters);
  logConfiguration(io, KNN_DEFAULTS, input.hyperParameters);
  const channel = requiredChannel(input.channels, "train", "k-NN");
  const data = readLabelledChannel(channel, "train");
  if (data.features.length === 0) throw new ContainerError("ClientError", "No training data: channel train has no records");
  checkFeatureCount(data.features, config.featureDim, "channel train");
  io.log(`Read ${data.features.length} records with ${config.featureDim} features from channel train`);

  io.signal.throwIfAborted();
  const kept = sampleIndices(data.features.length, config.sampleSize, seededRandom(input.seed));
  io.log(`Sampled ${kept.length} of ${data.features.length} records (sample_size=${config.sampleSize})`);
  // Inferred: with fewer points than k the index cannot answer k neighbours, so the job fails early.
  if (kept.length < config.k) {
    throw new ContainerError(
      "ClientError",
      `k=${config.k} is more than the ${kept.length} records kept from channel train: k must be at most the number of training records`,
    );
  }
  if (config.dimensionReduction) {
    // Validated in hyperparameters.ts; the emulator searches the full vectors, so neighbours are exact.
    io.log(
      `dimension_reduction_type=${config.dimensionReduction.type} is accepted but not applied: the emulator searches the full feature vectors`,
    );
  }
  const model: KnnModel = {
    predictorType: config.predictorType,
    indexMetric: config.indexMetric,
    k: config.k,
    featureDim: config.featureDim,
    points: kept.map((i) => data.features[i]!),
    labels: kept.map((i) => data.labels[i]!),
  };
  writeModelFile(io, KNN, model);
  io.log(`Wrote a model of ${model.points.length} points (index_type=${config.indexType}, index_metric=${config.indexMetric})`);

  const test = channelNamed(input.channels, "test");
  if (test !== undefined) score(model, readLabelledChannel(test, "test"), io);
}

/** The test channel's score: accuracy for a classifier, mean squared error for a regressor (kNN-tuning.md). */
function score(model: KnnModel, test: LabelledData, io: TrainingIO): void {
  if (test.features.length === 0) {
    io.log("Channel test has no records: no test score");
    return;
  }
  checkFeatureCount(test.features, model.featureDim, "channel test");
  const predicted = test.features.map((row) => predict(model, row).predictedLabel);
  const actual = test.labels;
  const name = model.predictorType === "classifier" ? "accuracy" : "mse";
  const value =
    model.predictorType === "classifier"
      ? predicted.filter((p, i) => p === actual[i]).length / predicted.length
      : predicted.reduce((sum, p, i) => sum + (p - actual[i]!) ** 2, 0) / predicted.length;
  logScore(io, "test", name, value);
  io.metric(`test:${name}`, value);
}

function load(files: ModelFiles): Server {
  const model = loadKnnModel(files);
  return {
    invoke(request) {
      const rows = parseInferenceRequest(request);
      const format = negotiateResponseFormat(request.accept);
      checkFeatureCount(rows, model.featureDim, "the request");
      const predictions = rows.map((row): Prediction => {
        const p = predict(model, row);
        // Floats, as the container prints them (`{"predicted_label": 2.0}`, kNN-inference-formats.md).
        return format.verbose
          ? { predicted_label: p.predictedLabel, distances: p.distances, labels: p.labels }
          : { predicted_label: p.predictedLabel };
      });
      return formatPredictions(predictions, format);
    },
  };
}
