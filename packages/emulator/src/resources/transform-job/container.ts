import type { Server } from "../../containers/contract.js";
import { serverFor } from "../../containers/serving.js";
import { objectsOf } from "../../data/job-data.js";
import { joinKey } from "../../data/s3-uri.js";
import { failureReasonOf } from "../../containers/failure-reason.js";
import type { SimpleContainer } from "../simple-job/container-run.js";
import type { SimpleJobRun } from "../simple-job/record.js";
import type { TransformJobRecord } from "./record.js";

/** [DOC] "Log Amazon SageMaker Events with Amazon CloudWatch": batch transform jobs log to this group. */
const TRANSFORM_LOG_GROUP = "/aws/sagemaker/TransformJobs";

/** [OBS] the FailureReason failed batch transforms report when the container errs (public run logs). */
export const DEFAULT_TRANSFORM_FAILURE_REASON = "ClientError: See job logs for more information";

/** [DOC] CreateTransformJob MaxPayloadInMB: "The default value is 6 MB." */
const DEFAULT_MAX_PAYLOAD_MB = 6;

/**
 * A batch transform's container: at its start it loads the model's serving code, splits each
 * input object into records, sends them in mini-batches, and leaves `<S3OutputPath>/<input
 * file>.out` per input object, records in input order, assembled as AssembleWith says
 * ([DOC] "Use Batch Transform to Run Inference", "How batch transform assembles output").
 */
export const transformContainer: SimpleContainer<TransformJobRecord> = {
  logGroup: TRANSFORM_LOG_GROUP,
  // [DOC] transform streams are `<job>/<instance id>-<epoch seconds>`.
  streamName: (row, startedAt, instance) => `${row.name}/${instance}-${Math.floor(startedAt / 1000)}`,
  compute(row, kit) {
    const lines: string[] = [];
    const { request } = row;
    const strategy = request.BatchStrategy ?? "MultiRecord";
    const maxPayloadMb = request.MaxPayloadInMB ?? DEFAULT_MAX_PAYLOAD_MB;
    lines.push(
      `[sagemaker logs]: MaxConcurrentTransforms=${request.MaxConcurrentTransforms ?? 1}, MaxPayloadInMB=${maxPayloadMb}, BatchStrategy=${strategy === "SingleRecord" ? "SINGLE_RECORD" : "MULTI_RECORD"}`,
    );
    let server: Server;
    try {
      server = serverFor(kit.ctx.data, row.model!)!;
    } catch (error) {
      // The download and extraction errors name the artifacts themselves; a model may have none.
      return failed(lines, failureReasonOf(error));
    }
    const uploads: SimpleJobRun["uploads"][number][] = [];
    for (const { file, uri } of objectsOf(kit.ctx.data.s3, request.TransformInput.DataSource.S3DataSource)) {
      try {
        const body = transformObject(server, file.body, request, strategy, maxPayloadMb);
        uploads.push({
          uri: joinKey(request.TransformOutput.S3OutputPath, `${file.path}.out`),
          body,
          contentType: request.TransformOutput.Accept,
        });
      } catch (error) {
        // [OBS] the data log names the object and the container's answer (aws/amazon-sagemaker-examples #1620).
        return failed(lines, `${uri.slice("s3://".length)}: ${failureReasonOf(error)}`);
      }
    }
    return { lines, uploads };
  },
};

function failed(lines: string[], line: string): SimpleJobRun {
  return { failureReason: DEFAULT_TRANSFORM_FAILURE_REASON, lines: [...lines, `[sagemaker logs]: ${line}`], uploads: [] };
}

/** One input object's output: its records in mini-batches through the server, assembled in order. */
function transformObject(
  server: Server,
  body: Uint8Array,
  request: TransformJobRecord["request"],
  strategy: string,
  maxPayloadMb: number,
): Uint8Array {
  const contentType = request.TransformInput.ContentType ?? "application/octet-stream";
  const accept = request.TransformOutput.Accept;
  const outputs = batchesOf(recordsOf(body, request.TransformInput.SplitType), strategy, maxPayloadMb).map((batch) => {
    const answer = server.invoke({ body: batch, contentType, accept });
    return typeof answer.body === "string" ? Buffer.from(answer.body) : Buffer.from(answer.body);
  });
  // [DOC] AssembleWith Line: "add a newline character at the end of every transformed record"; None: concatenated in binary.
  if (request.TransformOutput.AssembleWith !== "Line") return Buffer.concat(outputs);
  return Buffer.concat(outputs.flatMap((output) => [stripNewline(output), Buffer.from("\n")]));
}

/** [DOC] SplitType Line splits on newlines; None (the default) sends the whole object as one record. RecordIO/TFRecord: [INF] whole. */
function recordsOf(body: Uint8Array, splitType: string | undefined): Buffer[] {
  const whole = Buffer.from(body);
  if (splitType !== "Line") return [whole];
  return whole
    .toString("utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => Buffer.from(line));
}

/** SingleRecord: one record per request; MultiRecord: as many as fit in MaxPayloadInMB, newline-joined. */
function batchesOf(records: Buffer[], strategy: string, maxPayloadMb: number): Buffer[] {
  if (strategy === "SingleRecord" || records.length <= 1) return records;
  const limit = maxPayloadMb * 1024 * 1024;
  const batches: Buffer[][] = [[]];
  let size = 0;
  for (const record of records) {
    const current = batches[batches.length - 1]!;
    if (current.length > 0 && size + record.byteLength + 1 > limit) {
      batches.push([record]);
      size = record.byteLength;
    } else {
      current.push(record);
      size += record.byteLength + 1;
    }
  }
  return batches.map((batch) => Buffer.from(batch.map((record) => record.toString("utf8")).join("\n")));
}

function stripNewline(output: Buffer): Buffer {
  return output.at(-1) === 0x0a ? output.subarray(0, output.byteLength - 1) : output;
}
