import { S3Client } from "@aws-sdk/client-s3";
import { createEmulator } from "../../src/index.js";
import { startServer } from "../../src/http.js";
import { describeS3 } from "./describe-s3.js";

// The HTTP door: an S3Client pointed at the server's one port (path-style, as the SDK addresses an IP endpoint).
describeS3("the HTTP server", async () => {
  const server = await startServer({ port: 0, emulator: createEmulator({ requireInputData: false }) });
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  return {
    s3,
    emulator: server.emulator,
    async close() {
      s3.destroy();
      await server.close();
    },
  };
});
