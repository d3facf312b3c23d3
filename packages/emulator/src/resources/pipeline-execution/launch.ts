import { ServiceError } from "../../errors.js";
import type { StoredRecord } from "../../store/kind-table.js";
import { validateInput } from "../../validation/validate.js";
import type { Kit } from "../kind.js";
import type { Operation, OperationName } from "../operation.js";
import { evaluateConditions } from "../pipeline/definition/conditions.js";
import { asText, evaluate, ExpressionError } from "../pipeline/definition/expressions.js";
import type { PlannedStep } from "../pipeline/definition/types.js";
import { cachedAttempt, cacheKey } from "./cache.js";
import { callbackToken, jobName } from "./names.js";
import type { PipelineExecutionRecord, StepAttempt } from "./record.js";
import { executionScope } from "./scope.js";
import { JOB_STEP_KINDS, jobKits } from "./step-kinds.js";

/** [OBS] the tag every job a pipeline creates carries (SDK lineage/context.py reads it from training jobs). */
const PIPELINE_EXECUTION_TAG = "sagemaker:pipeline-execution-arn";

/**
 * Starts one attempt of a step at `now`: a job step creates its job through its kind's own Create
 * handler (validated against the botocore model first, as any request is), a Condition step
 * evaluates at once, a Fail step fails at once, a Callback step waits for its answer.
 */
export function launchStep(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, step: PlannedStep, now: number): StepAttempt {
  const args = (step.definition.Arguments ?? {}) as Record<string, unknown>;
  const fail = (failureReason: string, errorCode?: string): StepAttempt => ({
    startsAt: now,
    ending: { at: now, status: "Failed", failureReason, errorCode },
  });
  try {
    if (step.type === "Condition") {
      const outcome = evaluateConditions(args.Conditions as unknown[], executionScope(kit, record, now));
      return {
        startsAt: now,
        ending: { at: now, status: "Succeeded" },
        // [MODEL] ConditionStepMetadata.Outcome is "True" | "False".
        metadata: { Condition: { Outcome: outcome ? "True" : "False" } },
        properties: { Outcome: outcome },
      };
    }
    if (step.type === "Fail") {
      const message = asText(evaluate(args.ErrorMessage ?? "", executionScope(kit, record, now)));
      // [OBS] SDK tests/integ/sagemaker/workflow/test_fail_steps.py: the step's FailureReason is the
      // message (absent when it is empty) and Metadata.Fail.ErrorMessage the same ("" when none).
      return {
        startsAt: now,
        ending: { at: now, status: "Failed", ...(message !== "" ? { failureReason: message } : {}) },
        metadata: { Fail: { ErrorMessage: message } },
      };
    }
    if (step.type === "Callback") {
      return {
        startsAt: now,
        metadata: {
          Callback: {
            CallbackToken: callbackToken(kit.ctx.random),
            ...(step.definition.SqsQueueUrl !== undefined ? { SqsQueueUrl: step.definition.SqsQueueUrl } : {}),
            OutputParameters: [],
          },
        },
      };
    }
    return launchJob(kit, record, step, now);
  } catch (error) {
    if (error instanceof ExpressionError) return fail(error.message);
    if (error instanceof ServiceError) {
      // [INF] after the "ClientError: …" family of step failure reasons ([OBS]
      // data-science-on-aws/data-science-on-aws#223), naming the call that failed.
      return fail(`ClientError: Failed to invoke sagemaker:${createOf(step.type)}. Error Details: ${error.message}`, error.code);
    }
    throw error;
  }
}

function createOf(type: string): string {
  return JOB_STEP_KINDS[type]?.create ?? type;
}

function launchJob(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, step: PlannedStep, now: number): StepAttempt {
  const stepKind = JOB_STEP_KINDS[step.type]!;
  const name = jobName(kit.ctx.random, record.executionId, step.name, stepKind.maxName);
  const args = evaluate(step.definition.Arguments ?? {}, executionScope(kit, record, now, { type: stepKind.kind.arnType, name }));
  const given = (args !== null && typeof args === "object" ? args : {}) as Record<string, unknown>;
  const key = cacheKey(step, given);
  const cached = cachedAttempt(kit, record, step, key, now);
  if (cached) return cached;
  const request = {
    ...given,
    [stepKind.nameField]: name,
    Tags: [...(Array.isArray(given.Tags) ? given.Tags : []), { Key: PIPELINE_EXECUTION_TAG, Value: record.arn }],
  };
  const validated = validateInput(stepKind.create, request);
  const create = jobKits(kit).operationsOf(stepKind.kind)[stepKind.create] as Operation<OperationName> | undefined;
  const output = create!(validated as never) as Record<string, string>;
  const arn = output[stepKind.arnField]!;
  return {
    startsAt: now,
    job: { type: stepKind.kind.arnType, name, arn },
    metadata: { [stepKind.metadataKey]: { Arn: arn } },
    cacheKey: key,
  };
}
