import fc from "fast-check";
import type { ServiceName } from "../../src/service-router.js";
import { operations } from "../../src/validation/model.generated.js";
import { TARGET_PREFIX } from "../../src/wire/aws-json.js";
import { valid } from "../fixtures/valid-input.js";
import { bytes, type RawRequest, signedFor } from "./raw-request.js";

/**
 * Generated requests for every service the emulator serves, as raw HTTP: valid-shaped requests
 * (from the botocore model where the repository has it, from each operation's members otherwise)
 * with mutations, and malformed ones no SDK client would send: truncated or invalid JSON and XML,
 * wrong content types, odd and huge headers, bad paths, query strings and percent-encoding, bad
 * X-Amz-Target. Names are drawn from a few shared ones, so requests meet each other's resources.
 */

/** Names shared by every generator: the fixtures (fuzz-doors.ts, seedState) create some of them. */
const NAMES = ["alpha", "Alpha", "fuzz-bucket", "ep"] as const;
const name = fc.constantFrom<string>(...NAMES);

/** JSON values of the wrong kind, size or content for any member. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, -1, 0, 1e308, -1e308, 2 ** 53 + 1, "", " ", "\u0000", "\ud800", "%zz", "../..", true, [], {}),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.nat(6000).map((n) => "x".repeat(n)),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

/** One change to a valid input: a member dropped, one made odd, an unknown one added, or none. */
function mutated(input: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(input, fc.nat(), oddValue, fc.constantFrom("drop", "odd", "extra", "none")).map(([value, pick, odd, how]) => {
    const out: Record<string, unknown> = { ...value };
    const keys = Object.keys(out);
    const key = keys[pick % Math.max(keys.length, 1)];
    if (how === "drop" && key !== undefined) delete out[key];
    else if (how === "odd" && key !== undefined) out[key] = odd;
    else if (how === "extra") out[`Unknown${pick % 7}`] = odd;
    return out;
  });
}

/** The JSON body of an AWS JSON request: the input as sent, or broken in one of the ways a hand-written client breaks it. */
function jsonBody(input: Record<string, unknown>): fc.Arbitrary<Uint8Array> {
  const json = JSON.stringify(input);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(bytes(json)) },
    { weight: 2, arbitrary: fc.nat(Math.max(json.length - 1, 0)).map((n) => bytes(json.slice(0, n))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          "[]",
          "null",
          "1",
          '"text"',
          "{",
          "}",
          "{,}",
          '{"a":1,"a":2}',
          '{"__proto__":{"polluted":1}}',
          '{"constructor":{"prototype":{"x":1}}}',
          "\ufeff{}",
          "{}garbage",
          "1e999999",
          '{"x":1e999999}',
          "NaN",
          '{"x":"\\ud800"}',
          '{"x":"\\u"}',
          `${"[".repeat(70)}${"]".repeat(70)}`,
          `${'{"a":'.repeat(2000)}1${"}".repeat(2000)}`,
          `[${"1,".repeat(20000)}1]`,
        )
        .map(bytes),
    },
    { weight: 1, arbitrary: fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])) },
  );
}

/** An `X-Amz-Target` for `prefix.operation`, or one of the ways a target goes wrong. */
function target(prefix: string, operation: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(`${prefix}.${operation}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        "",
        prefix,
        `${prefix}.`,
        `${prefix}..${operation}`,
        `${prefix.toLowerCase()}.${operation}`,
        `${prefix}.${operation.toLowerCase()}`,
        `${prefix}.${operation} `,
        `${prefix}.NoSuchOperation`,
        `${prefix}.__proto__`,
        `${prefix}.constructor`,
        `${prefix}.hasOwnProperty`,
        `${prefix}.toString`,
        `${TARGET_PREFIX.logs}.${operation}`,
        `${TARGET_PREFIX.sagemaker}.${operation}`,
        `Other.${operation}`,
        `${prefix}.${"A".repeat(5000)}`,
        `${prefix}.Ünïcödé`,
      ),
    },
  );
}

/** Content types, right and wrong, for a JSON body. */
const jsonContentType = fc.constantFrom(
  "application/x-amz-json-1.1",
  "application/x-amz-json-1.1",
  "application/x-amz-json-1.0",
  "application/json",
  "text/plain",
  "application/xml",
  "multipart/form-data; boundary=x",
  "",
  "application/x-amz-json-1.1; charset=utf-8",
  "???",
);

/** Headers any request may carry in odd forms: big, many, or repeated in other cases. */
const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { "x-amz-date": "not a date" },
      { "x-amz-security-token": "t".repeat(8000) },
      { "x-amz-user-agent": "é".repeat(100) },
      { "content-encoding": "gzip" },
      { "content-encoding": "aws-chunked" },
      { "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER" },
      { expect: "100-continue" },
      { accept: "*/*; q=-1" },
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x-odd-${i}`, `${i}`])),
    ),
  },
);

/** A path for an AWS JSON service: `/` as clients send it, or another. */
const jsonPath = fc.oneof(
  { weight: 8, arbitrary: fc.constant("/") },
  { weight: 2, arbitrary: fc.constantFrom("/?x=1", "/%zz", "//", "/nothing/here", "/?%=%", "/?a=%E0%A4%A", `/${"a".repeat(3000)}`) },
);

function awsJsonRequest(
  service: "sagemaker" | "logs",
  prefix: string,
  operation: fc.Arbitrary<string>,
  input: (operation: string) => fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<RawRequest> {
  return operation.chain((op) =>
    fc
      .record({
        body: mutated(input(op)).chain(jsonBody),
        target: target(prefix, op),
        type: jsonContentType,
        odd: oddHeaders,
        path: jsonPath,
        method: fc.constantFrom("POST", "POST", "POST", "POST", "POST", "GET", "PUT"),
      })
      .map(({ body, target, type, odd, path, method }): RawRequest => {
        const headers: Record<string, string> = { ...odd };
        if (target !== undefined) headers["x-amz-target"] = target;
        if (type !== "") headers["content-type"] = type;
        return { service, method, path, headers, body: method === "GET" ? new Uint8Array() : body };
      }),
  );
}

const pipelineInput = fc.record(
  {
    PipelineName: name,
    PipelineExecutionArn: fc.constantFrom("arn:aws:sagemaker:us-east-1:123456789012:pipeline/alpha/execution/x", "arn:", ""),
    ClientRequestToken: fc.constantFrom("t".repeat(32), "short"),
    RoleArn: fc.constant("arn:aws:iam::123456789012:role/SageMakerRole"),
    PipelineDefinition: fc.constantFrom('{"Version":"2020-12-01","Steps":[]}', "{", '{"Steps":[{"Name":"a","Type":"Nope"}]}'),
    CallbackToken: fc.string({ maxLength: 12 }),
  },
  { requiredKeys: [] },
);

/** SageMaker: the implemented operations' inputs from the botocore model, names drawn from NAMES. */
function sageMakerRequests(implemented: readonly string[]): fc.Arbitrary<RawRequest> {
  // Operations the emulator lacks answer its gap error before reading the input, so a small one does.
  const gaps = ["CreatePipeline", "DescribeCluster", "ListApps"];
  const ops = [...implemented, ...gaps];
  const cache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();
  const input = (op: string) => {
    if (gaps.includes(op)) return fc.record({ Name: name });
    // valid() stalls on IdempotencyToken (min 32 characters, no pattern: it filters short strings
    // away), which every pipeline operation takes; these get the members they name things by.
    if (op.includes("Pipeline")) return pipelineInput;
    let arbitrary = cache.get(op);
    if (!arbitrary) {
      arbitrary = fc.tuple(valid(operations[op]!) as fc.Arbitrary<Record<string, unknown>>, name).map(([value, shared]) => {
        const out = { ...value };
        for (const key of Object.keys(out)) if (key.endsWith("Name") && typeof out[key] === "string") out[key] = shared;
        return out;
      });
      cache.set(op, arbitrary);
    }
    return arbitrary;
  };
  return awsJsonRequest("sagemaker", TARGET_PREFIX.sagemaker, fc.constantFrom(...ops), input);
}

/** CloudWatch Logs: the members of each operation the emulator serves (botocore's logs model), valid-ish values. */
const LOGS_MEMBERS: Readonly<Record<string, Record<string, fc.Arbitrary<unknown>>>> = (() => {
  const group = fc.constantFrom("/aws/sagemaker/TrainingJobs", "alpha", "Alpha", "bad:name", "");
  const stream = fc.constantFrom("alpha/algo-1-1767225600", "alpha", "x*", "");
  const time = fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constantFrom(-1, 2 ** 53, 1e20));
  const limit = fc.integer({ min: -2, max: 20000 });
  const token = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("f/00000000000000000000/0", "b/1/2", "eyJ4IjoxfQ=="));
  const events = fc.array(fc.record({ timestamp: time, message: fc.string({ maxLength: 40 }) }), { maxLength: 5 });
  return {
    CreateLogGroup: { logGroupName: group, logGroupClass: fc.constantFrom("STANDARD", "INFREQUENT_ACCESS", "NOPE"), tags: fc.constant({}) },
    CreateLogStream: { logGroupName: group, logStreamName: stream },
    PutLogEvents: { logGroupName: group, logStreamName: stream, logEvents: events, sequenceToken: token },
    DescribeLogGroups: { logGroupNamePrefix: group, logGroupNamePattern: fc.string(), nextToken: token, limit },
    DescribeLogStreams: {
      logGroupName: group,
      logGroupIdentifier: fc.constantFrom("arn:aws:logs:us-east-1:123456789012:log-group:alpha", "alpha", "arn:"),
      logStreamNamePrefix: stream,
      orderBy: fc.constantFrom("LogStreamName", "LastEventTime", "Other"),
      descending: fc.boolean(),
      nextToken: token,
      limit,
    },
    GetLogEvents: {
      logGroupName: group,
      logStreamName: stream,
      startTime: time,
      endTime: time,
      nextToken: token,
      limit,
      startFromHead: fc.boolean(),
      unmask: fc.boolean(),
    },
    FilterLogEvents: {
      logGroupName: group,
      logStreamNames: fc.array(stream, { maxLength: 3 }),
      logStreamNamePrefix: stream,
      startTime: time,
      endTime: time,
      filterPattern: fc.constantFrom("", "ERROR", '"a b"', "?x ?y", "-x", "[", "{ $.x = 1 }", "%.*%"),
      nextToken: token,
      limit,
      interleaved: fc.boolean(),
    },
  };
})();

function logsRequests(): fc.Arbitrary<RawRequest> {
  const ops = [...Object.keys(LOGS_MEMBERS), "DeleteLogGroup", "StartQuery"];
  const input = (op: string) =>
    fc.record(LOGS_MEMBERS[op] ?? { logGroupName: fc.string() }, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  return awsJsonRequest("logs", TARGET_PREFIX.logs, fc.constantFrom(...ops), input);
}

/** S3 keys: ordinary, encoded, badly encoded, long, odd. */
const s3Key = fc.oneof(
  fc.constantFrom("data/train.csv", "a%20b", "a%2Fb", "%zz", "%", "%E0%A4%A", "..%2F..", "%00", "k?", "é", "a//b", "+plus"),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.nat(1100).map((n) => "k".repeat(n)),
);

/** Query strings S3 reads (subresources, list members, multipart ids), right and wrong. */
const s3Query = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "?list-type=2",
      "?list-type=2&max-keys=-1",
      "?list-type=2&max-keys=abc",
      "?list-type=2&max-keys=1e10",
      "?list-type=2&continuation-token=%zz",
      "?list-type=2&continuation-token=bm90IGEgdG9rZW4=",
      "?list-type=2&start-after=%FF&encoding-type=url",
      "?encoding-type=bogus",
      "?delimiter=&prefix=",
      "?marker=zzz&max-keys=0",
      "?uploads",
      "?uploadId=",
      "?uploadId=nope",
      "?uploadId=nope&partNumber=1",
      "?uploadId=nope&partNumber=0",
      "?uploadId=nope&partNumber=10001",
      "?uploadId=nope&partNumber=abc",
      "?location",
      "?delete",
      "?tagging",
      "?versioning",
      "?acl&uploads",
      "?versionId=null",
      "?%=%",
      "?a=%E0%A4%A",
      "?&&&=",
      `?prefix=${"p".repeat(4000)}`,
    ),
  },
);

/** XML bodies: the documents S3 reads, well-formed and not. */
const s3Xml = fc.constantFrom(
  "",
  '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
  "<CreateBucketConfiguration><LocationConstraint>",
  "<Delete><Object><Key>data/train.csv</Key></Object><Quiet>true</Quiet></Delete>",
  "<Delete><Object><Key>&#x110000;</Key></Object></Delete>",
  "<Delete><Object><Key>&#99999999999;</Key></Object></Delete>",
  "<Delete><Object><Key>&bogus;</Key></Object></Delete>",
  `<Delete>${"<Object><Key>k</Key></Object>".repeat(1001)}</Delete>`,
  "<Delete><Object></Object></Delete>",
  "<Delete></Delete>",
  '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"x"</ETag></Part></CompleteMultipartUpload>',
  "<CompleteMultipartUpload><Part><PartNumber>abc</PartNumber></Part></CompleteMultipartUpload>",
  "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>a</ETag></Part><Part><PartNumber>1</PartNumber><ETag>b</ETag></Part></CompleteMultipartUpload>",
  "<CompleteMultipartUpload></CompleteMultipartUpload>",
  "<a><b></a></b>",
  "<a/><b/>",
  "not xml at all",
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>',
  "<![CDATA[x]]>",
  `${"<a>".repeat(5000)}${"</a>".repeat(5000)}`,
);

/** Headers S3 reads, with values right and wrong. */
const s3Headers: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { "content-md5": "not base64" },
      { "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==" },
      { "x-amz-checksum-crc32": "AAAAAA==" },
      { "x-amz-checksum-sha256": "%%%" },
      { "x-amz-checksum-crc64nvme": "x" },
      { "x-amz-sdk-checksum-algorithm": "MD4" },
      { "x-amz-trailer": "x-amz-checksum-crc32" },
      { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "5" },
      { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "-1" },
      { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "abc" },
      { "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" },
      { range: "bytes=0-0" },
      { range: "bytes=5-1" },
      { range: "bytes=-0" },
      { range: "bytes=99999999999999999999-" },
      { range: "lines=1-2" },
      { range: "bytes=0-1,3-4" },
      { "if-match": '"nope"' },
      { "if-none-match": "*" },
      { "if-modified-since": "yesterday" },
      { "if-unmodified-since": "Thu, 01 Jan 1970 00:00:00 GMT" },
      { "x-amz-copy-source": "fuzz-bucket/data/train.csv" },
      { "x-amz-copy-source": "%zz" },
      { "x-amz-copy-source": "/" },
      { "x-amz-copy-source": "fuzz-bucket" },
      { "x-amz-copy-source": "/fuzz-bucket/data/train.csv?versionId=1" },
      { "x-amz-metadata-directive": "BOGUS", "x-amz-copy-source": "fuzz-bucket/data/train.csv" },
      { "x-amz-meta-a": "é".repeat(3000) },
      { "content-type": "" },
      { "x-amz-storage-class": "NOPE" },
      { "x-amz-tagging": "a=%zz" },
    ),
  },
);

/** aws-chunked bodies, right and wrong (s3/aws-chunked.ts reads them). */
const chunkedBodies = fc.constantFrom(
  "5\r\nhello\r\n0\r\n\r\n",
  "5;chunk-signature=abc\r\nhello\r\n0;chunk-signature=def\r\n\r\n",
  "5\r\nhel",
  "zz\r\nhello\r\n0\r\n\r\n",
  "ffffffffffffffff\r\nx\r\n0\r\n\r\n",
  "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n",
  "0\r\nx-amz-checksum-crc32:\r\n\r\n",
  "",
);

const s3Body = fc.oneof(s3Xml.map(bytes), chunkedBodies.map(bytes), fc.uint8Array({ maxLength: 256 }));

/** Text for an XML element: plain, with entities, or with character references to any code point. */
const xmlText = fc.oneof(
  fc.string({ maxLength: 12 }).map((t) => t.replace(/[<&]/g, "")),
  fc.integer({ min: 0, max: 0x20ffff }).map((code) => `&#x${code.toString(16)};`),
  fc.integer({ min: 0, max: 0x20ffff }).map((code) => `&#${code};`),
  fc.constantFrom("&amp;", "&lt;&gt;", "&quot;&apos;", "&nbsp;", "&#;", "&#x;", "&", "]]>"),
);

/** The documents S3's XML operations read, built around generated text, on the seeded bucket and upload. */
function s3Documents(): fc.Arbitrary<{ method: string; path: string; body: string }> {
  const part = fc.tuple(fc.oneof(fc.integer({ min: -1, max: 10001 }), xmlText), xmlText);
  const parts = fc
    .array(part, { maxLength: 4 })
    .map((list) => list.map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`).join(""));
  return fc.oneof(
    fc.array(xmlText, { maxLength: 4 }).map((keys) => ({
      method: "POST",
      path: "/fuzz-bucket?delete",
      body: `<Delete>${keys.map((key) => `<Object><Key>${key}</Key></Object>`).join("")}</Delete>`,
    })),
    xmlText.map((region) => ({
      method: "PUT",
      path: "/fresh-bucket",
      body: `<CreateBucketConfiguration><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`,
    })),
    parts.map((list) => ({
      method: "POST",
      path: "/fuzz-bucket/big?uploadId={uploadId}",
      body: `<CompleteMultipartUpload>${list}</CompleteMultipartUpload>`,
    })),
    fc.tuple(fc.integer({ min: -1, max: 10001 }), fc.string({ maxLength: 20 })).map(([n, body]) => ({
      method: "PUT",
      path: `/fuzz-bucket/big?uploadId={uploadId}&partNumber=${n}`,
      body,
    })),
  );
}

function s3Requests(): fc.Arbitrary<RawRequest> {
  return fc.oneof({ weight: 3, arbitrary: s3Shuffled() }, { weight: 1, arbitrary: s3Operations() });
}

/** S3's XML operations with generated documents, signed for S3, sometimes with an odd header. */
function s3Operations(): fc.Arbitrary<RawRequest> {
  return fc.tuple(s3Documents(), s3Headers).map(
    ([document, headers]): RawRequest => ({
      service: "s3",
      method: document.method,
      path: document.path,
      headers: { ...headers, authorization: signedFor("s3") },
      body: bytes(document.body),
    }),
  );
}

/** Methods, buckets, keys, queries, headers and bodies drawn apart: combinations no client makes. */
function s3Shuffled(): fc.Arbitrary<RawRequest> {
  const bucket = fc.constantFrom(
    "fuzz-bucket",
    "Bad_Bucket",
    "ab",
    "a".repeat(64),
    "%zz",
    "fuzz-bucket",
    "other-bucket",
    "xn--x",
    "192.168.1.1",
  );
  return fc
    .record({
      method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "HEAD", "GET", "PUT", "PATCH", "OPTIONS"),
      bucket,
      key: fc.option(s3Key, { nil: undefined }),
      virtual: fc.boolean(),
      query: s3Query,
      headers: s3Headers,
      odd: oddHeaders,
      body: s3Body,
      signed: fc.constantFrom(true, true, true, false),
    })
    .map(({ method, bucket, key, virtual, query, headers, odd, body, signed }): RawRequest => {
      const all: Record<string, string> = { ...odd, ...headers };
      if (signed) all.authorization = signedFor("s3");
      const keyPath = key === undefined ? "" : `/${key}`;
      const path = virtual ? `${keyPath || "/"}${query}` : `/${bucket}${keyPath}${query}`;
      return {
        service: "s3",
        method,
        path,
        ...(virtual ? { virtualBucket: bucket } : {}),
        headers: all,
        body: method === "GET" || method === "HEAD" ? new Uint8Array() : body,
      };
    });
}

/** SageMaker Runtime: InvokeEndpoint's path and headers (botocore's sagemaker-runtime model), right and wrong. */
function runtimeRequests(): fc.Arbitrary<RawRequest> {
  const endpoint = fc.constantFrom("ep", "alpha", "Alpha", "%zz", "a%2Fb", "", "x".repeat(200), "%E0%A4%A");
  const suffix = fc.constantFrom("invocations", "invocations", "invocations", "invocations-response-stream", "async-invocations", "other");
  const headers = fc.record(
    {
      "content-type": fc.constantFrom("text/csv", "application/json", "application/x-recordio-protobuf", "", "x/y; q=1", "é"),
      accept: fc.constantFrom("text/csv", "application/json", "*/*", "image/png", ""),
      "x-amzn-sagemaker-custom-attributes": fc.oneof(fc.string({ maxLength: 20 }), fc.constant("c".repeat(1100))),
      "x-amzn-sagemaker-target-variant": fc.constantFrom("AllTraffic", "Nope", ""),
      "x-amzn-sagemaker-target-model": fc.constantFrom("model.tar.gz", ""),
      "x-amzn-sagemaker-inference-id": fc.oneof(fc.string({ maxLength: 10 }), fc.constant("i".repeat(100))),
      "x-amzn-sagemaker-enable-explanations": fc.constantFrom("`true`", "bogus"),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    fc.constantFrom("5.1,3.5,1.4,0.2", '{"instances":[[1,2,3,4]]}', "", "{", "\u0000").map(bytes),
    fc.uint8Array({ maxLength: 512 }),
  );
  return fc
    .record({
      endpoint,
      suffix,
      headers,
      body,
      odd: oddHeaders,
      method: fc.constantFrom("POST", "POST", "POST", "GET", "PUT"),
      extra: fc.constantFrom("", "", "", "/", "?x=1", "/more", "?%=%"),
    })
    .map(
      ({ endpoint, suffix, headers, body, odd, method, extra }): RawRequest => ({
        service: "runtime",
        method,
        path: `/endpoints/${endpoint}/${suffix}${extra}`,
        headers: { ...odd, ...(headers as Record<string, string>) },
        body: method === "GET" ? new Uint8Array() : body,
      }),
    );
}

/**
 * Bytes only a raw socket sends, for the HTTP door: broken request lines, header syntax no client
 * writes, conflicting lengths, broken chunked framing, absolute-form targets, no Host at all.
 */
export function rawOnlyRequests(): fc.Arbitrary<RawRequest> {
  const cases: readonly ((host: string) => string)[] = [
    (host) =>
      `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\n\r\n{}`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
    (host) =>
      `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nBad Header: x\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\n folded: continuation\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.\x01\x7f\r\n\r\n`,
    (host) =>
      `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\nX-Amz-Target: Logs_20140328.DescribeLogGroups\r\nContent-Length: 2\r\n\r\n{}`,
    (host) => `POST /a b HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (host) => `POST /%zz%00%ff HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\n\r\n`,
    (host) => `GET /fuzz-bucket/%zz?list-type=2&prefix=%ff HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${signedFor("s3")}\r\n\r\n`,
    (host) => `GET /fuzz-bucket/\xe9\xff HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${signedFor("s3")}\r\n\r\n`,
    (host) =>
      `PUT /fuzz-bucket/k HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${signedFor("s3")}\r\nContent-Length: 1\r\nContent-MD5: ==\r\n\r\nx`,
    (host) => `POST http://${host}/ HTTP/1.1\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\nContent-Length: 2\r\n\r\n{}`,
    (host) => `POST http://[::1/ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (host) => `POST http://evil.example/ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    () => "POST / HTTP/1.1\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\nContent-Length: 2\r\n\r\n{}",
    () => "POST / HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    () => "POST / HTTP/1.1\r\nHost: [::1\r\n\r\n",
    (host) => `* OPTIONS HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (host) => `OPTIONS * HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (host) => `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nExpect: 200-ok\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
    (host) => `POST / HTTP/1.1\r\nHost: ${host}\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join("")}\r\n`,
    (host) => `POST / HTTP/2.0\r\nHost: ${host}\r\n\r\n`,
    (host) => `POST / HTTP/1.0\r\nHost: ${host}\r\nX-Amz-Target: SageMaker.ListTrainingJobs\r\nContent-Length: 2\r\n\r\n{}`,
    () => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    () => "GARBAGE\r\n\r\n",
    (host) => `POST /_sagerun/clock/advance HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"sec`,
    (host) =>
      `POST /_sagerun/clock/advance HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 18\r\n\r\n{"seconds":1e309}`,
    (host) => `GET /_sagerun/%zz HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (host) =>
      `POST /_sagerun/rules HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{"rules":[null]}`,
    (host) =>
      `PUT /_sagerun/rules HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{"rules":[null]}`,
  ];
  return fc.nat(cases.length - 1).map(
    (i): RawRequest => ({
      service: "sagemaker",
      method: "RAW",
      path: `raw case ${i}`,
      headers: {},
      body: new Uint8Array(),
      rawOnly: (host) => Buffer.from(cases[i]!(host), "latin1"),
    }),
  );
}

/** Every service's generator, weighted alike. */
export function allServices(implemented: readonly string[]): Record<ServiceName, fc.Arbitrary<RawRequest>> {
  return { sagemaker: sageMakerRequests(implemented), logs: logsRequests(), s3: s3Requests(), runtime: runtimeRequests() };
}
