import { S3Client } from "@aws-sdk/client-s3";
import { setupServer } from "msw/node";
import { createEmulator } from "../../src/index.js";
import { s3Handlers, sageMakerHandlers } from "../../src/msw.js";
import { describeS3 } from "./describe-s3.js";

// The msw door: an S3Client with the SDK's default settings (virtual-hosted `data.s3.us-east-1.amazonaws.com`,
// its node:http handler), intercepted by msw; unhandled requests fail, so nothing reaches AWS.
describeS3(
  "msw with the SDK's default HTTP handler",
  async () => {
    const emulator = createEmulator({ requireInputData: false });
    const server = setupServer(...sageMakerHandlers(emulator), ...s3Handlers(emulator));
    server.listen({ onUnhandledRequest: "error" });
    const s3 = new S3Client({ region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
    return {
      s3,
      emulator,
      async close() {
        s3.destroy();
        server.close();
      },
    };
  },
  { largeBodies: false },
);
