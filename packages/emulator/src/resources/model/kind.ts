import { validationError } from "../../errors.js";
import { defineKind } from "../kind.js";
import { describeModel } from "./describe.js";
import { modelAlreadyExists, modelNotFound } from "./errors.js";
import { modelOperations } from "./operations.js";
import type { ModelRecord } from "./record.js";

/** Models: CreateModel, DescribeModel, ListModels, DeleteModel. No status, so nothing changes on its own. */
export const modelKind = defineKind<ModelRecord>({
  key: "models",
  arnType: "model",
  life: { created: (row) => row.createdAt },
  // The message names the ARN of the name asked for, lower-cased like every ARN.
  notFound: (name, ctx) => validationError(modelNotFound(ctx.arn("model", name))),
  // [OBS] a duplicate model is a ValidationException, not ResourceInUse (astronomer/astronomer-providers#1055).
  duplicate: (existing) => validationError(modelAlreadyExists(existing.arn)),
  // [DOC] ListModels: SortBy default CreationTime, SortOrder default Descending.
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Descending" },
  describe: (row) => describeModel(row),
  operations: modelOperations,
});
