import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateModelCommand, DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { VirtualClock } from "@sagerun/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { untarGzip } from "../../src/data/tar.js";
import { createEmulator } from "../../src/index.js";
import { startServer, type RunningServer } from "../../src/http.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { deployIris, irisModelRequest, trainIris } from "../fixtures/iris-pipeline.js";
import { clientEnv, probeAwsCli, run } from "./external-tools.js";

const awsCliTool = probeAwsCli();

// A slice of the Iris pipeline with the AWS CLI at its edges: `aws s3 cp` moves the data and the
// model, `aws sagemaker-runtime invoke-endpoint` asks the endpoint. The control plane in between
// runs in-process on the server's own emulator, whose clock moves only when the test advances it,
// so no CLI waits (the CLI's waiters poll every 120 s).
describe.skipIf(!awsCliTool.available)(
  `the AWS CLI at the edges of the Iris pipeline${awsCliTool.reason ? ` [skipped: ${awsCliTool.reason}]` : ""}`,
  () => {
    const clock = new VirtualClock({ autoAdvance: false });
    const { train, test } = irisSplit();
    let server: RunningServer;
    let workdir: string;
    const aws = (args: string[]) => run("aws", [...args, "--region", "us-east-1"], clientEnv({ AWS_ENDPOINT_URL: server.url }));
    beforeAll(async () => {
      server = await startServer({ port: 0, emulator: createEmulator({ clock }) });
      workdir = mkdtempSync(join(tmpdir(), "sagerun-aws-iris-"));
      await server.emulator.s3Client(S3Client).send(new CreateBucketCommand({ Bucket: "iris" }));
    });
    afterAll(async () => {
      await server?.close();
      if (workdir) rmSync(workdir, { recursive: true, force: true });
    });

    it("uploads the CSVs with `aws s3 cp --recursive`; k-NN trains on them and the model comes back with `aws s3 cp`", async () => {
      for (const [name, records] of [
        ["train", train],
        ["test", test],
      ] as const) {
        mkdirSync(join(workdir, "data", name), { recursive: true });
        writeFileSync(join(workdir, "data", name, "iris.csv"), irisCsv({ label: true }, records));
      }
      const up = await aws(["s3", "cp", join(workdir, "data"), "s3://iris/data/", "--recursive"]);
      expect([up.code, up.stderr]).toEqual([0, ""]);

      const sagemaker = server.emulator.client();
      const trained = await trainIris({ clock, sagemaker });
      expect(trained.TrainingJobStatus).toBe("Completed");

      const local = join(workdir, "model.tar.gz");
      const down = await aws(["s3", "cp", trained.ModelArtifacts!.S3ModelArtifacts!, local]);
      expect([down.code, down.stderr]).toEqual([0, ""]);
      expect([...untarGzip(new Uint8Array(readFileSync(local))).keys()]).toEqual(["model.json"]);
    });

    it("invokes the endpoint with `aws sagemaker-runtime invoke-endpoint`, and exits 255 with ValidationError for a missing one", async () => {
      const sagemaker = server.emulator.client();
      await sagemaker.send(new CreateModelCommand(irisModelRequest()));
      await deployIris(sagemaker);
      await clock.advance(3600_000);
      expect((await sagemaker.send(new DescribeEndpointCommand({ EndpointName: "iris" }))).EndpointStatus).toBe("InService");

      const body = join(workdir, "request.csv");
      writeFileSync(body, "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3");
      const invoke = (endpoint: string, outfile: string) =>
        aws([
          "sagemaker-runtime",
          "invoke-endpoint",
          "--endpoint-name",
          endpoint,
          "--content-type",
          "text/csv",
          "--accept",
          "application/json",
          "--body",
          `fileb://${body}`,
          join(workdir, outfile),
        ]);
      const [answered, missing] = await Promise.all([invoke("iris", "answer.json"), invoke("no-such-endpoint", "missing.json")]);
      expect([answered.code, answered.stderr]).toEqual([0, ""]);
      expect(JSON.parse(answered.stdout)).toEqual({ ContentType: "application/json", InvokedProductionVariant: "AllTraffic" });
      const served = JSON.parse(readFileSync(join(workdir, "answer.json"), "utf8")) as { predictions: { predicted_label: number }[] };
      expect(served.predictions.map((p) => p.predicted_label)).toEqual([0, 2]);
      expect(missing.code).toBe(255);
      expect(missing.stderr.trim()).toBe(
        "An error occurred (ValidationError) when calling the InvokeEndpoint operation: Endpoint no-such-endpoint of account 123456789012 not found.",
      );
    });
  },
);
