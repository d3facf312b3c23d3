import {
  type Algorithm,
  type Channel,
  ContainerError,
  type ModelFiles,
  type Server,
  type TrainingInput,
  type TrainingIO,
} from "../../containers/contract.js";
import { channelNamed, checkFeatureCount, requiredChannel } from "../check-features.js";
import { type LabelledData, readLabelledChannel } from "../csv.js";
import { writeModelFile } from "../model-file.js";
import { pyFloat, pyInt } from "../python-format.js";
import { formatPredictions, negotiateResponseFormat, parseInferenceRequest, type Prediction } from "../serving-formats.js";
import { HOST, logConfiguration, logScore } from "../training-log.js";
import { evaluate, objectiveLoss } from "./evaluate.js";
import { fitLinearModel } from "./fit.js";
import { LINEAR_LEARNER_DEFAULTS, type LinearLearnerConfig, resolveLinearLearnerConfig } from "./hyperparameters.js";
import { lossFunction, OBJECTIVE_NAME } from "./losses.js";
import { LINEAR_LEARNER, type LinearModel, loadLinearModel, predictOne } from "./model.js";

/**
 * Amazon SageMaker's linear learner (SageMaker developer guide, linear-learner.md): a linear model
 * for binary or multiclass classification or regression, trained on the `train` channel, model
 * selection and early stopping on `validation`, final scores on `test`.
 */
export const linearLearner: Algorithm = {
  name: LINEAR_LEARNER,
  train,
  load,
};

function train(input: TrainingInput, io: TrainingIO): void {
  const config = resolveLinearLearnerConfig(input.hyperParameters);
  logConfiguration(io, LINEAR_LEARNER_DEFAULTS, input.hyperParameters);
  const channel = requiredChannel(input.channels, "train", "linear-learner");
  const data = readChannel(channel, "train", config);
  if (data.features.length === 0) throw new ContainerError("ClientError", "No training data: channel train has no records");
  const featureDim = config.featureDim === "auto" ? data.features[0]!.length : config.featureDim;
  checkFeatureCount(data.features, featureDim, "channel train");
  io.log(`Read ${data.features.length} records with ${featureDim} features from channel train`);

  const validationChannel = channelNamed(input.channels, "validation");
  const validation = validationChannel && checkedRecords(readChannel(validationChannel, "validation", config), featureDim, "validation");
  const model = fitLinearModel(config, data, validation, input.seed, io);
  writeModelFile(io, LINEAR_LEARNER, model);

  if (validation) report(model, config, validation, "validation", io);
  const testChannel = channelNamed(input.channels, "test");
  const test = testChannel && checkedRecords(readChannel(testChannel, "test", config), featureDim, "test");
  if (test) report(model, config, test, "test", io);
}

function readChannel(channel: Channel, name: string, config: LinearLearnerConfig): LabelledData {
  const data = readLabelledChannel(channel, name);
  checkLabels(data.labels, config, name);
  return data;
}

/** A channel's records, their feature counts checked; undefined for a channel with none (it is then not scored). */
function checkedRecords(data: LabelledData, featureDim: number, channel: string): LabelledData | undefined {
  if (data.features.length === 0) return undefined;
  checkFeatureCount(data.features, featureDim, `channel ${channel}`);
  return data;
}

/** Classes are 0 and 1 for a binary classifier, 0 … num_classes - 1 for multiclass (ll_hyperparameters.md, num_classes). */
function checkLabels(labels: readonly number[], config: LinearLearnerConfig, channel: string): void {
  if (config.predictorType === "regressor") return;
  const bad = labels.findIndex((y) => !Number.isInteger(y) || y < 0 || y >= config.numClasses);
  if (bad >= 0) {
    const expected =
      config.predictorType === "binary_classifier"
        ? "0 or 1"
        : `an integer from 0 to ${config.numClasses - 1} (num_classes=${config.numClasses})`;
    throw new ContainerError(
      "ClientError",
      `Record ${bad + 1} of channel ${channel} has label ${labels[bad]}: a ${config.predictorType}'s labels must be ${expected}`,
    );
  }
}

/** The final objective and scores on a channel, as log lines and as `<channel>:<name>` metrics (linear-learner-tuning.md). */
function report(model: LinearModel, config: LinearLearnerConfig, data: LabelledData, channel: "validation" | "test", io: TrainingIO): void {
  const objective = objectiveLoss(model, lossFunction(config.loss, config), data);
  if (channel === "test") io.log(`#test_score (${HOST}) : ('${OBJECTIVE_NAME[config.loss]}', ${pyFloat(objective)})`);
  io.log(`#quality_metric: host=${HOST}, ${channel} ${OBJECTIVE_NAME[config.loss]} <loss>=${pyFloat(objective)}`);
  io.metric(`${channel}:objective_loss`, objective);
  for (const metric of evaluate(model, config, data)) {
    logScore(io, channel, metric.name, metric.value);
    io.metric(`${channel}:${metric.name}`, metric.value);
  }
}

function load(files: ModelFiles): Server {
  const model = loadLinearModel(files);
  return {
    invoke(request) {
      const rows = parseInferenceRequest(request);
      const format = negotiateResponseFormat(request.accept);
      checkFeatureCount(rows, model.featureDim, "the request");
      const predictions = rows.map((row): Prediction => {
        const p = predictOne(model, row);
        // Labels print as integers, scores as floats (LL-in-formats.md).
        return p.predictedLabel === undefined ? { score: p.score } : { score: p.score, predicted_label: pyInt(p.predictedLabel) };
      });
      return formatPredictions(predictions, format);
    },
  };
}
