import {
  CreateProcessingJobCommand,
  DescribeProcessingJobCommand,
  StopProcessingJobCommand,
  type CreateProcessingJobRequest,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { ContainerError, type ImageCode, type ProcessingInput } from "../../src/index.js";
import { ROLE_ARN } from "../fixtures.js";
import { dataPlane, OWN_IMAGE, S, SIMPLE, uri } from "./harness.js";

/**
 * Processing code registered for an image runs as SageMaker runs a processing container ([DOC]
 * "Run Processing Jobs with Your Own Processing Container"): each ProcessingInput's objects, the
 * ContainerArguments and Environment as given; what it writes under an output's LocalPath is
 * uploaded to that output's S3Uri when the job ends ([DOC] ProcessingS3Output S3UploadMode EndOfJob).
 */

const PROCESSING_LOGS = "/aws/sagemaker/ProcessingJobs";

function processingRequest(name: string, overrides: Partial<CreateProcessingJobRequest> = {}): CreateProcessingJobRequest {
  const input = (inputName: string, prefix: string) => ({
    InputName: inputName,
    S3Input: {
      S3Uri: uri(prefix),
      LocalPath: `/opt/ml/processing/${inputName}`,
      S3DataType: "S3Prefix" as const,
      S3InputMode: "File" as const,
    },
  });
  const output = (outputName: string, prefix: string) => ({
    OutputName: outputName,
    S3Output: { S3Uri: uri(prefix), LocalPath: `/opt/ml/processing/${outputName}`, S3UploadMode: "EndOfJob" as const },
  });
  return {
    ProcessingJobName: name,
    RoleArn: ROLE_ARN,
    AppSpecification: { ImageUri: OWN_IMAGE, ContainerArguments: ["--split", "0.8"] },
    Environment: { STAGE: "prep" },
    ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 30 } },
    ProcessingInputs: [input("raw", "raw/"), input("lookup", "lookup/table.csv")],
    ProcessingOutputConfig: { Outputs: [output("train", "prepared/train"), output("test", "prepared/test/")] },
    ...overrides,
  };
}

/** Splits each raw line into train (first 80 %) and test, and copies the lookup table to test. */
const splitter = (seen: ProcessingInput[] = []): ImageCode => ({
  image: OWN_IMAGE,
  process(input, io) {
    seen.push(input);
    const rows = input.inputs.raw!.files.flatMap((f) => new TextDecoder().decode(f.body).trim().split("\n"));
    const cut = Math.round(rows.length * Number(input.arguments[1]));
    io.log(`split ${rows.length} rows at ${cut}`);
    io.writeOutput("train", "data.csv", `${rows.slice(0, cut).join("\n")}\n`);
    io.writeOutput("test", "/nested/data.csv", `${rows.slice(cut).join("\n")}\n`);
    io.writeOutput("test", "lookup.csv", input.inputs.lookup!.files[0]!.body);
  },
});

async function setup(code: ImageCode, request = processingRequest("prep")) {
  const env = await dataPlane({ images: [code] });
  await env.put("raw/a.csv", "1\n2\n3\n4\n5\n");
  await env.put("raw/b/c.csv", "6\n7\n8\n9\n10\n");
  await env.put("lookup/table.csv", "k,v\n");
  await env.sagemaker.send(new CreateProcessingJobCommand(request));
  const describeJob = () => env.sagemaker.send(new DescribeProcessingJobCommand({ ProcessingJobName: request.ProcessingJobName }));
  return { ...env, describeJob };
}

describe("user processing code", () => {
  it("reads each input's objects, with the arguments and environment given", async () => {
    const seen: ProcessingInput[] = [];
    const env = await setup(splitter(seen));
    await env.clock.advanceTo(env.t0 + SIMPLE.started);
    await env.describeJob();
    expect(seen).toHaveLength(1);
    const [input] = seen as [ProcessingInput];
    expect(input.arguments).toEqual(["--split", "0.8"]);
    expect(input.environment).toEqual({ STAGE: "prep" });
    expect(Object.fromEntries(Object.entries(input.inputs).map(([name, channel]) => [name, channel.files.map((f) => f.path)]))).toEqual({
      raw: ["a.csv", "b/c.csv"],
      lookup: ["table.csv"],
    });
  });

  it("uploads what it wrote to each output's S3Uri only when the job completes, dated ProcessingEndTime ([DOC] S3UploadMode EndOfJob)", async () => {
    const env = await setup(splitter());
    await env.clock.advanceTo(env.t0 + SIMPLE.completed - 1);
    expect((await env.describeJob()).ProcessingJobStatus).toBe("InProgress");
    expect(await env.get("prepared/train/data.csv")).toBe("NoSuchKey");

    await env.clock.advanceTo(env.t0 + SIMPLE.completed);
    const job = await env.describeJob();
    expect([job.ProcessingJobStatus, job.ProcessingEndTime]).toEqual(["Completed", new Date(env.t0 + SIMPLE.completed)]);
    expect(await env.text("prepared/train/data.csv")).toBe("1\n2\n3\n4\n5\n6\n7\n8\n");
    expect(await env.text("prepared/test/nested/data.csv")).toBe("9\n10\n");
    expect(await env.text("prepared/test/lookup.csv")).toBe("k,v\n");
    const train = await env.get("prepared/train/data.csv");
    expect(typeof train === "string" ? train : train.lastModified).toEqual(job.ProcessingEndTime);
    const lines = await env.logEvents(PROCESSING_LOGS, "prep");
    expect(lines.map((e) => e.message)).toEqual(["split 10 rows at 8"]);
  });

  it.each([
    ["an Error", new Error("pandas: no column 'label'"), "AlgorithmError: pandas: no column 'label'"],
    ["a ContainerError", new ContainerError("ClientError", "input is empty"), "ClientError: input is empty"],
  ])("that throws %s fails the job with that FailureReason at once, uploads nothing, and logs it last", async (_, error, reason) => {
    const code: ImageCode = {
      image: OWN_IMAGE,
      process(_input, io) {
        io.log("reading");
        io.writeOutput("train", "data.csv", "partial");
        throw error;
      },
    };
    const env = await setup(code);
    // [INF] a tenth of the 600 s run, at most a minute, after the container starts.
    const failsAt = env.t0 + SIMPLE.started + 60 * S;
    await env.clock.advanceTo(failsAt - 1);
    expect((await env.describeJob()).ProcessingJobStatus).toBe("InProgress");
    await env.clock.advanceTo(failsAt);
    const job = await env.describeJob();
    expect(job).toMatchObject({ ProcessingJobStatus: "Failed", FailureReason: reason, ProcessingEndTime: new Date(failsAt) });
    await env.clock.advanceTo(env.t0 + 86_400 * S);
    expect(await env.get("prepared/train/data.csv")).toBe("NoSuchKey");
    expect((await env.logEvents(PROCESSING_LOGS, "prep")).map((e) => e.message)).toEqual(["reading", reason]);
  });

  it("that writes to an output the job does not have fails with AlgorithmError naming the outputs", async () => {
    const code: ImageCode = { image: OWN_IMAGE, process: (_, io) => io.writeOutput("validation", "x.csv", "x") };
    const env = await setup(code);
    await env.clock.advanceTo(env.t0 + SIMPLE.completed);
    expect((await env.describeJob()).FailureReason).toBe(
      "AlgorithmError: no ProcessingOutput is named validation (the outputs are: train, test)",
    );
  });

  it("stopped while it runs uploads nothing ([INF])", async () => {
    const env = await setup(splitter());
    await env.clock.advanceTo(env.t0 + SIMPLE.started + 10 * S);
    await env.sagemaker.send(new StopProcessingJobCommand({ ProcessingJobName: "prep" }));
    await env.clock.advanceTo(env.t0 + 86_400 * S);
    expect((await env.describeJob()).ProcessingJobStatus).toBe("Stopped");
    expect(await env.get("prepared/train/data.csv")).toBe("NoSuchKey");
    // Its one line was due at 300 s of the 600 s run: after the stop, so never shown.
    expect(await env.logEvents(PROCESSING_LOGS, "prep")).toEqual([]);
  });
});
