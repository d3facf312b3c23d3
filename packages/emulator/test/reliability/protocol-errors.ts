import type { ServiceName } from "../../src/service-router.js";
import { CONTENT_TYPE } from "../../src/wire/aws-json.js";
import { type RawAnswer, text } from "./raw-request.js";

/**
 * What makes an answer acceptable to the fuzz: not a crash, not a 5xx, and, for an error, a body
 * its client can parse (docs/fidelity.md §1.1 for AWS JSON, §9 for S3's XML, §11 for the runtime's
 * REST-JSON). Returns what is wrong, or undefined.
 */

/**
 * The one 5xx a service answers by design: NotImplemented (501), S3's own code for a feature it
 * lacks (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList), which
 * the emulator also answers for S3 subresources and runtime operations it does not implement yet.
 */
const GAP = "NotImplemented";

/**
 * The HTTP server's own refusals, in AWS JSON whatever the service (http-server.ts: a request that
 * never reaches a service: no Host, a foreign Host, a method the service does not serve, a body
 * or headers over the cap, bytes that are not HTTP).
 */
const SERVER_REFUSALS: ReadonlySet<string> = new Set([
  "BadRequestException",
  "AccessDeniedException",
  "MethodNotAllowedException",
  "RequestEntityTooLargeException",
  "RequestHeaderFieldsTooLargeException",
  "ExpectationFailedException",
  "RequestTimeoutException",
]);

export interface Judged {
  /** The error code the answer carries (the status for a HEAD error), or "ok" for a success. */
  readonly code: string;
  readonly problem?: string;
}

/**
 * Judges `answer` to a request the router sent to `service` with `method`. `fromServer` allows the
 * HTTP server's own refusals (AWS JSON) in front of any service.
 */
export function judge(service: ServiceName, method: string, answer: RawAnswer, fromServer: boolean): Judged {
  const { status } = answer;
  if (status < 400) return status >= 100 ? { code: "ok" } : { code: "?", problem: `status ${status}` };
  // A HEAD answer carries no body (RFC 9110 §9.3.2), whatever the protocol: its status is the error.
  if (method === "HEAD") return fiveHundred(headError(answer), status);
  const type = (answer.headers["content-type"] ?? "").split(";")[0]!.trim();
  if (type === CONTENT_TYPE) {
    const judged = awsJsonError(answer);
    if (judged.problem) return judged;
    if (service !== "sagemaker" && service !== "logs" && !(fromServer && SERVER_REFUSALS.has(judged.code))) {
      return { ...judged, problem: `an AWS JSON ${judged.code} answered a ${service} request` };
    }
    return fiveHundred(judged, status);
  }
  if (service === "s3") return fiveHundred(s3Error(answer), status);
  if (service === "runtime") return fiveHundred(runtimeError(answer, type), status);
  return { code: "?", problem: `a ${service} error with content-type ${JSON.stringify(type)}: ${text(answer.body).slice(0, 200)}` };
}

function fiveHundred(judged: Judged, status: number): Judged {
  if (judged.problem || status < 500 || (status === 501 && judged.code === GAP)) return judged;
  return { ...judged, problem: `${status} ${judged.code}` };
}

/** `{"__type", "message"|"Message"}` and `x-amzn-ErrorType` naming the same code (docs/fidelity.md §1.1). */
function awsJsonError(answer: RawAnswer): Judged {
  const body = parseObject(answer.body);
  if (!body) return { code: "?", problem: `an AWS JSON error whose body is no JSON object: ${text(answer.body).slice(0, 200)}` };
  const type = body.__type;
  if (typeof type !== "string" || type === "") return { code: "?", problem: `no __type in ${text(answer.body).slice(0, 200)}` };
  const code = type.slice(type.lastIndexOf("#") + 1);
  if (answer.headers["x-amzn-errortype"] !== code) {
    return { code, problem: `x-amzn-ErrorType ${answer.headers["x-amzn-errortype"]} does not name ${code}` };
  }
  // The service's UnknownOperationException carries no message (docs/fidelity.md §1.2).
  const message = body.message ?? body.Message;
  if (typeof message !== "string" && code !== "UnknownOperationException") return { code, problem: `${code} without a message` };
  return { code };
}

function headError(answer: RawAnswer): Judged {
  if (answer.body.byteLength > 0) return { code: "?", problem: "a HEAD error with a body" };
  // The status is all a HEAD error says; the only 501 any service answers is NotImplemented.
  return { code: answer.status === 501 ? GAP : String(answer.status) };
}

/** `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId></Error>`. */
function s3Error(answer: RawAnswer): Judged {
  if ((answer.headers["content-type"] ?? "") !== "application/xml") {
    return { code: "?", problem: `an S3 error with content-type ${answer.headers["content-type"]}: ${text(answer.body).slice(0, 200)}` };
  }
  const match = /^<\?xml [^>]*\?>\s*<Error><Code>([A-Za-z]+)<\/Code><Message>[^<]*<\/Message>(?:<\w+>[^<]*<\/\w+>)*<\/Error>$/.exec(
    text(answer.body),
  );
  if (!match || !/<RequestId>[^<]+<\/RequestId><\/Error>$/.test(text(answer.body))) {
    return { code: "?", problem: `not S3's error document: ${text(answer.body).slice(0, 300)}` };
  }
  return { code: match[1]! };
}

/**
 * SageMaker Runtime's REST-JSON error: a JSON object with its text in `Message` or `message`, the
 * code in `x-amzn-ErrorType`; only the front end's 413 goes untyped (runtime/errors.ts, bodyTooLarge).
 */
function runtimeError(answer: RawAnswer, type: string): Judged {
  if (type !== "application/json") return { code: "?", problem: `a runtime error with content-type ${type}` };
  const body = parseObject(answer.body);
  const message = body?.Message ?? body?.message;
  if (typeof message !== "string") return { code: "?", problem: `a runtime error without a message: ${text(answer.body).slice(0, 200)}` };
  const code = answer.headers["x-amzn-errortype"];
  if (code === undefined) return answer.status === 413 ? { code: "413" } : { code: "?", problem: `an untyped runtime ${answer.status}` };
  return { code };
}

function parseObject(body: Uint8Array): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text(body));
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Counts of what a fuzz run tried and got, per service: the summary line the lead quotes. */
export class Tally {
  readonly #tried = new Map<string, number>();
  readonly #codes = new Map<string, Map<string, number>>();

  /** `service` is the generator's: a service's name, or `raw` for the bytes only a socket sends. */
  count(service: string, code: string): void {
    this.#tried.set(service, (this.#tried.get(service) ?? 0) + 1);
    const codes = this.#codes.get(service) ?? new Map<string, number>();
    codes.set(code, (codes.get(code) ?? 0) + 1);
    this.#codes.set(service, codes);
  }

  tried(service: string): number {
    return this.#tried.get(service) ?? 0;
  }

  /** One line: inputs per service, and how many distinct answers each drew. */
  summary(door: string): string {
    const parts = [...this.#tried].map(([service, n]) => `${service} ${n} (${this.#codes.get(service)?.size ?? 0} distinct answers)`);
    const total = [...this.#tried.values()].reduce((a, b) => a + b, 0);
    const gaps = [...this.#codes.values()].reduce((n, codes) => n + (codes.get(GAP) ?? 0), 0);
    return `reliability fuzz, ${door}: ${total} inputs: ${parts.join(", ")}; 0 crashes, 0 5xx but ${gaps} NotImplemented (501)`;
  }
}
