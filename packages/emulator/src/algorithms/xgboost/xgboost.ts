import {
  type Algorithm,
  ContainerError,
  type ModelFiles,
  type Server,
  type TrainingInput,
  type TrainingIO,
} from "../../containers/contract.js";
import { channelNamed, requiredChannel } from "../check-features.js";
import { writeModelFile } from "../model-file.js";
import { boost } from "./booster.js";
import { padded, readXgbChannel, type XgbData } from "./data.js";
import { resolveXgboostConfig } from "./hyperparameters.js";
import { loadXgbModel, predictRow, XGBOOST } from "./model.js";
import { checkLabels } from "./objectives.js";
import { formatXgbPredictions, parseXgbRequest, xgbAccept } from "./serving.js";

/**
 * SageMaker's built-in XGBoost in algorithm mode (SageMaker developer guide, xgboost.md): gradient
 * boosted trees on the `train` channel, evaluated each round on `train` and `validation`. Log lines
 * follow aws/sagemaker-xgboost-container's algorithm_mode/train.py.
 */
export const xgboost: Algorithm = {
  name: XGBOOST,
  train,
  load,
};

function train(input: TrainingInput, io: TrainingIO): void {
  const config = resolveXgboostConfig(input.hyperParameters);
  const trainChannel = requiredChannel(input.channels, "train", "XGBoost");
  const trainData = readXgbChannel(trainChannel, "train", config.csvWeights);
  if (trainData.rows.length === 0) throw new ContainerError("ClientError", "No data in training channel path /opt/ml/input/data/train");
  const validationChannel = channelNamed(input.channels, "validation");
  const validationData = validationChannel && readXgbChannel(validationChannel, "validation", false);
  if (validationData && validationData.rows.length === 0) {
    throw new ContainerError("ClientError", "No data in validation channel path /opt/ml/input/data/validation");
  }
  // Both sets as wide as the wider: a sparse (LIBSVM) set may stop short of the last feature.
  const featureCount = Math.max(trainData.rows[0]!.length, validationData?.rows[0]?.length ?? 0);
  const widen = (data: XgbData): XgbData => ({ ...data, rows: padded(data.rows, featureCount) });
  for (const data of [trainData, validationData]) if (data) checkLabels(config.objective, config.numClass, data.labels);

  io.log("Single node training.");
  io.log(`Train matrix has ${trainData.rows.length} rows`);
  if (validationData) io.log(`Validation matrix has ${validationData.rows.length} rows`);
  const model = boost(config, widen(trainData), validationData && widen(validationData), featureCount, io);
  writeModelFile(io, XGBOOST, model);
}

function load(files: ModelFiles): Server {
  const model = loadXgbModel(files);
  return {
    invoke(request) {
      // The container answers an empty body with 204 No Content.
      if (request.body.length === 0) return { body: "", contentType: xgbAccept(request.accept) };
      const rows = parseXgbRequest(request, model.featureCount);
      const accept = xgbAccept(request.accept);
      return formatXgbPredictions(
        rows.map((row) => predictRow(model, row)),
        accept,
      );
    },
  };
}
