// The ceiling for an HTTP server on this machine: Node's http module answering every request with
// one fixed AWS JSON body (the emulator's own DescribeTrainingJob answer), reading nothing.
import { createServer } from "node:http";

const body = Buffer.from(process.env.PLAIN_BODY ?? "{}");
const headers = { "content-type": "application/x-amz-json-1.1", "content-length": String(body.length), "x-amzn-requestid": "plain" };
createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
}).listen(Number(process.argv[2]), "127.0.0.1");
process.once("SIGTERM", () => process.exit(0));
