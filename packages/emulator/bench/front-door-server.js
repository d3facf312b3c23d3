// The HTTP front door alone, for benchmark 2: the built server (dist) in front of an emulator whose
// answer is replaced by one fixed DescribeTrainingJob answer, so what it adds over a plain Node
// server is the front door's own work (routing, guards, body reading, writing), not the emulator's.
import { createEmulator } from "@sagerun/emulator";
import { startServer } from "@sagerun/emulator/http";

const body = Buffer.from(process.env.PLAIN_BODY ?? "{}");
const answer = {
  statusCode: 200,
  headers: { "content-type": "application/x-amz-json-1.1", "content-length": String(body.length), "x-amzn-requestid": "front-door" },
  body,
};
const emulator = createEmulator();
emulator.respond = async () => answer;
await startServer({ emulator, port: Number(process.argv[2]) });
process.once("SIGTERM", () => process.exit(0));
