import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { clientEnv, probeAwsCli, run } from "./external-tools.js";

const awsCliTool = probeAwsCli();

// `aws s3` (the high-level commands) against the one port, with AWS_ENDPOINT_URL for every service.
describe.skipIf(!awsCliTool.available)(
  `aws s3 against the HTTP server${awsCliTool.reason ? ` [skipped: ${awsCliTool.reason}]` : ""}`,
  () => {
    let server: RunningServer;
    let workdir: string;
    const aws = (args: string[]) => run("aws", [...args, "--region", "us-east-1"], clientEnv({ AWS_ENDPOINT_URL: server.url }));
    beforeAll(async () => {
      server = await startServer({ port: 0 });
      workdir = mkdtempSync(join(tmpdir(), "sagerun-aws-s3-"));
    });
    afterAll(async () => {
      await server?.close();
      if (workdir) rmSync(workdir, { recursive: true, force: true });
    });

    it("makes a bucket, copies a file up and back, and lists it", async () => {
      expect((await aws(["s3", "mb", "s3://cli-data"])).stdout.trim()).toBe("make_bucket: cli-data");
      const local = join(workdir, "train.csv");
      writeFileSync(local, "5.1,3.5,1.4,0.2,setosa\n");
      const up = await aws(["s3", "cp", local, "s3://cli-data/iris/train.csv"]);
      expect([up.code, up.stderr]).toEqual([0, ""]);
      const listed = await aws(["s3", "ls", "s3://cli-data/", "--recursive"]);
      expect(listed.stdout.trim()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+23 iris\/train\.csv$/);
      const top = await aws(["s3", "ls", "s3://cli-data/"]);
      expect(top.stdout.trim()).toBe("PRE iris/");
      const back = join(workdir, "back.csv");
      const down = await aws(["s3", "cp", "s3://cli-data/iris/train.csv", back]);
      expect([down.code, readFileSync(back, "utf8")]).toEqual([0, "5.1,3.5,1.4,0.2,setosa\n"]);
      const missing = await aws(["s3", "ls", "s3://no-such-bucket/"]);
      expect([missing.code === 0, missing.stderr]).toEqual([false, expect.stringContaining("NoSuchBucket")]);
    });
  },
);
