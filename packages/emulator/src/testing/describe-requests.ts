import type { ReceivedRequest } from "../request-log.js";

/** Past this many lines, a listing keeps its first and last lines and says how many it left out. */
const MAX_LINES = 40;

/**
 * What the emulator received, for a failure message: one line per request, `#n service operation →
 * status [errorCode]`, with a run of identical lines (a polling loop) folded into one
 * (`#4–#40 sagemaker DescribeTrainingJob → 200 (37 times)`).
 */
export function describeRequests(requests: readonly ReceivedRequest[]): string {
  if (requests.length === 0) return "The emulator received no requests (or keeps none: the option requestLog is 0).";
  const lines: string[] = [];
  for (let first = 0; first < requests.length; ) {
    let last = first;
    while (last + 1 < requests.length && sameLine(requests[last + 1]!, requests[first]!)) last++;
    const where = first === last ? `#${first + 1}` : `#${first + 1}–#${last + 1}`;
    lines.push(`${where} ${requestLine(requests[first]!)}${first === last ? "" : ` (${last - first + 1} times)`}`);
    first = last + 1;
  }
  const shown =
    lines.length <= MAX_LINES
      ? lines
      : [...lines.slice(0, MAX_LINES / 2), `… ${lines.length - MAX_LINES} lines left out …`, ...lines.slice(-MAX_LINES / 2)];
  const count = requests.length === 1 ? "1 request" : `${requests.length} requests`;
  return `The emulator received ${count}:\n${shown.map((line) => `  ${line}`).join("\n")}`;
}

/** `service operation → status [errorCode]`. */
function requestLine(request: ReceivedRequest): string {
  const answer = request.errorCode === undefined ? `${request.statusCode}` : `${request.statusCode} ${request.errorCode}`;
  return `${request.service} ${request.operation} → ${answer}`;
}

function sameLine(a: ReceivedRequest, b: ReceivedRequest): boolean {
  return a.service === b.service && a.operation === b.operation && a.statusCode === b.statusCode && a.errorCode === b.errorCode;
}
