import type { Channel, ProcessingIO } from "../../containers/contract.js";
import { objectsOf } from "../../data/job-data.js";
import { joinKey } from "../../data/s3-uri.js";
import { failureReasonOf } from "../../containers/failure-reason.js";
import { durationMs } from "../../containers/took.js";
import type { SimpleContainer } from "../simple-job/container-run.js";
import type { SimpleJobRun } from "../simple-job/record.js";
import type { ProcessingJobRecord } from "./record.js";

/** [DOC] "Log Amazon SageMaker Events with Amazon CloudWatch": processing jobs log to this group. */
const PROCESSING_LOG_GROUP = "/aws/sagemaker/ProcessingJobs";

/**
 * A processing job's container, for an image with registered `process` code: it reads each
 * ProcessingInput's objects, runs, and each file it wrote under an output's LocalPath is uploaded
 * to that output's S3Uri when the job completes ([DOC] S3UploadMode EndOfJob; Continuous is
 * uploaded at the same moment here, [INF]).
 */
export const processingContainer: SimpleContainer<ProcessingJobRecord> = {
  logGroup: PROCESSING_LOG_GROUP,
  // [DOC] processing streams are `<job>/algo-<n>-<epoch seconds>`.
  streamName: (row, startedAt) => `${row.name}/algo-1-${Math.floor(startedAt / 1000)}`,
  compute(row, kit) {
    const { request } = row;
    const code = kit.ctx.data.containers.codeFor(request.AppSpecification.ImageUri)!;
    const inputs = Object.create(null) as Record<string, Channel>;
    for (const input of request.ProcessingInputs ?? []) {
      if (input.S3Input) inputs[input.InputName] = { files: objectsOf(kit.ctx.data.s3, input.S3Input).map((o) => o.file) };
    }
    const outputs = new Map(
      (request.ProcessingOutputConfig?.Outputs ?? []).flatMap((o) => (o.S3Output ? [[o.OutputName, o.S3Output.S3Uri]] : [])),
    );
    const lines: string[] = [];
    const uploads: SimpleJobRun["uploads"][number][] = [];
    let tookMs: number | undefined;
    const io: ProcessingIO = {
      log: (line) => lines.push(...String(line).split(/\r?\n/)),
      writeOutput(outputName, path, body) {
        const uri = outputs.get(outputName);
        if (uri === undefined)
          throw new Error(`no ProcessingOutput is named ${outputName} (the outputs are: ${[...outputs.keys()].join(", ")})`);
        uploads.push({
          uri: joinKey(uri, path.replace(/^\/+/, "")),
          body: typeof body === "string" ? Buffer.from(body) : new Uint8Array(body),
        });
      },
      took: (seconds) => {
        tookMs = durationMs(seconds);
      },
      signal: new AbortController().signal,
    };
    try {
      code.process!(
        {
          inputs,
          arguments: request.AppSpecification.ContainerArguments ?? [],
          environment: request.Environment ?? {},
          seed: kit.ctx.seedFor(row.arn),
        },
        io,
      );
    } catch (error) {
      const failureReason = failureReasonOf(error);
      return { failureReason, lines: [...lines, failureReason], uploads: [] };
    }
    return { lines, uploads, tookMs };
  },
};
