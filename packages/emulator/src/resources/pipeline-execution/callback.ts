import { resourceNotFound, validationError } from "../../errors.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import type { PipelineExecutionRecord, StepAttempt } from "./record.js";
import { syncExecution } from "./sync.js";

/**
 * SendPipelineExecutionStepSuccess/Failure: the answer to a Callback step, found by its token
 * ([DOC] CallbackStepMetadata.CallbackToken). [INF] a token no waiting step holds is
 * ResourceNotFound; a step already answered (or stopped) refuses a second answer.
 */
export function callbackOperations(kit: Kit<PipelineExecutionRecord>): Operations {
  const answer = (token: string, ending: (attempt: StepAttempt, now: number) => StepAttempt): string => {
    const now = kit.now();
    for (const record of kit.table.values()) {
      for (const [name, attempts] of Object.entries(record.events.attempts)) {
        const last = attempts[attempts.length - 1]!;
        if (last.metadata?.Callback?.CallbackToken !== token) continue;
        if (last.ending && last.ending.at <= now)
          throw validationError(`The step ${name} of the callback token ${token} is no longer waiting.`);
        const answered = { ...record.events.attempts, [name]: [...attempts.slice(0, -1), ending(last, now)] };
        syncExecution(kit, { ...record, events: { ...record.events, attempts: answered } }, now);
        return record.arn;
      }
    }
    throw resourceNotFound(`No pipeline execution step is waiting for the callback token ${token}.`);
  };

  return {
    SendPipelineExecutionStepSuccess(input) {
      const outputs = (input.OutputParameters ?? []).map((p) => ({ Name: p.Name, Value: p.Value }));
      const arn = answer(input.CallbackToken, (attempt, now) => ({
        ...attempt,
        ending: { at: now, status: "Succeeded" },
        metadata: { Callback: { ...attempt.metadata!.Callback, OutputParameters: outputs } },
        // [DOC] SDK CallbackStep properties: `OutputParameters['name']` is the named output's value.
        properties: { OutputParameters: Object.fromEntries(outputs.map((p) => [p.Name, p.Value])) },
      }));
      return { PipelineExecutionArn: arn };
    },

    SendPipelineExecutionStepFailure(input) {
      const arn = answer(input.CallbackToken, (attempt, now) => ({
        ...attempt,
        ending: { at: now, status: "Failed", ...(input.FailureReason !== undefined ? { failureReason: input.FailureReason } : {}) },
      }));
      return { PipelineExecutionArn: arn };
    },
  };
}
