import { S3Client } from "@aws-sdk/client-s3";
import { createEmulator } from "../../src/index.js";
import { describeS3 } from "./describe-s3.js";

// The in-process door: emulator.s3Client() puts the emulator's request handler under a real S3Client.
describeS3("the in-process request handler", async () => {
  const emulator = createEmulator({ requireInputData: false });
  const s3 = emulator.s3Client(S3Client);
  return { s3, emulator, close: async () => s3.destroy() };
});
