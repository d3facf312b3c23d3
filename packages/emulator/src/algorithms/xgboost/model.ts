import type { ModelFiles } from "../../containers/contract.js";
import { corruptModel, isNumberArray, readModelFile } from "../model-file.js";
import type { Objective } from "./hyperparameters.js";
import { objectiveFunction } from "./objectives.js";
import { type Tree, treeValue } from "./tree.js";

export const XGBOOST = "xgboost";

/** A boosted model: trees by round, one per output (class) in each round. */
export interface XgbModel {
  readonly objective: Objective;
  readonly numClass: number;
  readonly featureCount: number;
  readonly initialMargin: number;
  readonly trees: readonly Tree[];
}

/** Per-output margins of a row: the initial margin plus each output's trees. */
function margins(model: Pick<XgbModel, "initialMargin" | "trees">, outputs: number, row: ArrayLike<number>): Float64Array {
  const m = new Float64Array(outputs).fill(model.initialMargin);
  model.trees.forEach((tree, t) => {
    m[t % outputs]! += treeValue(tree, row);
  });
  return m;
}

export function predictRow(model: XgbModel, row: ArrayLike<number>): number | number[] {
  const objective = objectiveFunction(model.objective, model.numClass, 1);
  return objective.predict(margins(model, objective.outputs, row));
}

export function loadXgbModel(files: ModelFiles): XgbModel {
  const model = readModelFile(files, XGBOOST) as Partial<Record<keyof XgbModel, unknown>> | null;
  if (typeof model !== "object" || model === null) throw corruptModel(XGBOOST, "model");
  const { objective, numClass, featureCount, initialMargin, trees } = model;
  if (typeof objective !== "string") throw corruptModel(XGBOOST, "objective");
  if (!Number.isInteger(numClass) || !Number.isInteger(featureCount)) throw corruptModel(XGBOOST, "numClass or featureCount");
  if (typeof initialMargin !== "number") throw corruptModel(XGBOOST, "initialMargin");
  if (!Array.isArray(trees) || !trees.every(isTree)) throw corruptModel(XGBOOST, "trees");
  return { objective: objective as Objective, numClass: numClass as number, featureCount: featureCount as number, initialMargin, trees };
}

function isTree(value: unknown): value is Tree {
  if (typeof value !== "object" || value === null) return false;
  const t = value as Record<string, unknown>;
  const n = Array.isArray(t.feature) ? t.feature.length : -1;
  if (n <= 0 || ![t.feature, t.threshold, t.left, t.right, t.value].every((a) => isNumberArray(a) && a.length === n)) return false;
  if (!Array.isArray(t.defaultLeft) || t.defaultLeft.length !== n) return false;
  // Children always come after their parent, so a walk from the root ends at a leaf.
  const { feature, left, right } = t as unknown as Tree;
  return feature.every((f, k) => f < 0 || (left[k]! > k && left[k]! < n && right[k]! > k && right[k]! < n));
}
