import { describe, expect, it } from "vitest";
import { ServiceError } from "../src/errors.js";
import { validateInput } from "../src/validation/validate.js";
import { MAX_NESTING_DEPTH } from "../src/wire/json-codec.js";
import { trainingJobRequest } from "./fixtures.js";

/**
 * Issue item 3 (validation's part): deep values must not overflow the stack. The wire decoder
 * refuses bodies nested deeper than MAX_NESTING_DEPTH, but in-process callers skip the wire, so
 * validation is tested here on its own, with values 100,000 levels deep.
 * Issue item 4 (validation's part): a value far over its length limit is not run through its
 * pattern. (Timings are in bench/validation-bench.ts; tests assert behaviour only.)
 */

const DEEP = 100_000;

/** `[[[…[leaf]…]]]`, built with a loop (a recursive builder would overflow first). */
function deepArray(depth: number, leaf: unknown = "x"): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function errorOf(operation: string, input: unknown): ServiceError {
  try {
    validateInput(operation, input);
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error(`${operation} accepted the input`);
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));

describe("validation on 100,000-deep values", () => {
  it("answers 51 Tags, one carrying a 100,000-deep unknown member, with the length error: the unknown member is dropped, never rendered", () => {
    const list = tags(51);
    (list[7] as Record<string, unknown>).Deep = deepArray(DEEP);
    const error = errorOf("CreateTrainingJob", { ...trainingJobRequest(), Tags: list });
    expect(error.code).toBe("ValidationException");
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[com\.amazonaws\.sagemaker\.v20170724\.Tag@[0-9a-f]+(, com\.amazonaws\.sagemaker\.v20170724\.Tag@[0-9a-f]+){50}\]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/,
    );
  });

  it("answers 21 channels, one with a 100,000-deep unknown member, with the channel-count error", () => {
    const channel = trainingJobRequest().InputDataConfig![0]!;
    const channels: Record<string, unknown>[] = Array.from({ length: 21 }, (_, i) => ({ ...channel, ChannelName: `c${i}` }));
    channels[20]!.DataSource = { ...channel.DataSource, Nested: deepArray(DEEP, { a: 1 }) };
    const error = errorOf("CreateTrainingJob", { ...trainingJobRequest(), InputDataConfig: channels });
    expect(error.code).toBe("ValidationException");
    expect(error.message).toContain("at 'inputDataConfig' failed to satisfy constraint: Member must have length less than or equal to 20");
  });

  it("refuses a 100,000-deep value in a member the model types as a string, a map value or a list element with SerializationException", () => {
    const cases: [string, unknown][] = [
      ["CreateTrainingJob", { ...trainingJobRequest(), TrainingJobName: deepArray(DEEP) }],
      ["CreateTrainingJob", { ...trainingJobRequest(), HyperParameters: { a: deepArray(DEEP) } }],
      ["CreateTrainingJob", { ...trainingJobRequest(), Tags: deepArray(DEEP) }],
    ];
    for (const [op, input] of cases) expect(errorOf(op, input).code).toBe("SerializationException");
  });

  it("refuses the model's one recursive shape (Search's SearchExpression) nested 100,000 deep, at the wire decoder's depth, with its text", () => {
    let expression: Record<string, unknown> = { Filters: [{ Name: "TrainingJobName" }] };
    for (let i = 0; i < DEEP; i++) expression = { SubExpressions: [expression] };
    const error = errorOf("Search", { Resource: "TrainingJob", SearchExpression: expression });
    expect([error.code, error.message]).toEqual([
      "SerializationException",
      `The request body nests arrays and objects deeper than ${MAX_NESTING_DEPTH} levels; no SageMaker request does.`,
    ]);
  });

  it("walks a SearchExpression as deep as the wire allows, naming the deepest violation by its full path", () => {
    // body 1 > SearchExpression 2 > (SubExpressions list, expression) per level > Filters list > filter
    const levels = Math.floor((MAX_NESTING_DEPTH - 4) / 2);
    let expression: Record<string, unknown> = { Filters: [{ Name: "" }] };
    for (let i = 0; i < levels; i++) expression = { SubExpressions: [expression] };
    const error = errorOf("Search", { Resource: "TrainingJob", SearchExpression: expression });
    const path = `searchExpression.${"subExpressions.1.member.".repeat(levels)}filters.1.member.name`;
    expect(error.message).toBe(
      `2 validation errors detected: Value '' at '${path}' failed to satisfy constraint: Member must have length greater than or equal to 1; ` +
        `Value '' at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: .+`,
    );
  });
});

describe("patterns and length limits (issue item 4)", () => {
  it("reports only the length error for S3OutputPath = s3:// + 64,000 × a + /\\n: the pattern is not run on a value that far over its limit", () => {
    const path = `s3://${"a".repeat(64_000)}/\n`;
    const error = errorOf("CreateTrainingJob", { ...trainingJobRequest(), OutputDataConfig: { S3OutputPath: path } });
    expect(error.message).toBe(
      `1 validation error detected: Value '${path}' at 'outputDataConfig.s3OutputPath' failed to satisfy constraint: Member must have length less than or equal to 1024`,
    );
  });

  it("still reports length and pattern for a value just over its limit, as the service does (aws-samples/sagemaker-ml-workflow-with-apache-airflow#3)", () => {
    const path = `s3://${"a".repeat(1020)}/\n`;
    const error = errorOf("CreateTrainingJob", { ...trainingJobRequest(), OutputDataConfig: { S3OutputPath: path } });
    expect(error.message.startsWith("2 validation errors detected: ")).toBe(true);
    expect(error.message).toContain("Member must satisfy regular expression pattern: (https|s3)://([^/]+)/?(.*)");
  });

  it("answers a value of a pattern that has no length limit and is exponential on V8 (ClusterSchedulerPriorityClassName)", () => {
    // `[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?` with no max length: 30 letters and a `!` take V8
    // seconds; the linear matcher answers 10,000 at once.
    const name = `${"a".repeat(10_000)}!`;
    const error = errorOf("CreateClusterSchedulerConfig", {
      Name: "cfg",
      ClusterArn: "arn:aws:sagemaker:us-east-1:123456789012:cluster/abcdefghijkl",
      SchedulerConfig: { PriorityClasses: [{ Name: name, Weight: 1 }] },
    });
    expect(error.message).toContain(
      `Value '${name}' at 'schedulerConfig.priorityClasses.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?`,
    );
  });

  it("lists at most 100 violations in the message, while counting them all", () => {
    const list = Array.from({ length: 30_000 }, () => ({}));
    const error = errorOf("AddTags", { ResourceArn: "arn:aws:sagemaker:us-east-1:123456789012:model/m", Tags: list });
    expect(error.message.startsWith("60001 validation errors detected: ")).toBe(true);
    expect(error.message.split("; ")).toHaveLength(100);
  });
});
