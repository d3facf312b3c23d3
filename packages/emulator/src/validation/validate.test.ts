import { describe, expect, it } from "vitest";
import { ServiceError } from "../errors.js";
import { shapes } from "./model.generated.js";
import { isModelOperation, modelOperations, validateInput } from "./validate.js";

function errorOf(operation: string, input: unknown): ServiceError {
  try {
    validateInput(operation, input);
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error(`${operation} accepted ${JSON.stringify(input)}`);
}
const messageOf = (operation: string, input: unknown): string => errorOf(operation, input).message;
const enumOf = (shape: string): string => (shapes[shape]?.enum ?? []).join(", ");

const training = {
  TrainingJobName: "job-1",
  AlgorithmSpecification: { TrainingInputMode: "File", TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1" },
  RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
  InputDataConfig: [{ ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://b/train" } } }],
  OutputDataConfig: { S3OutputPath: "s3://b/out" },
  ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  HyperParameters: { eta: "0.2" },
  Environment: { MODE: "test" },
  Tags: [{ Key: "team", Value: "ml" }],
};

describe("validateInput: accepted requests", () => {
  it("accepts a complete CreateTrainingJob request", () => {
    expect(() => validateInput("CreateTrainingJob", training)).not.toThrow();
  });

  it("ignores unknown members, as Coral does (mhart/dynalite ignores them too)", () => {
    expect(() => validateInput("DescribeTrainingJob", { TrainingJobName: "j", Bogus: [1, { x: 2 }] })).not.toThrow();
  });

  it("accepts timestamps as epoch seconds (int or float, botocore serialize.py `_timestamp_unixtimestamp`) and ISO-8601 strings", () => {
    for (const t of [1700000000, 1700000000.123, "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.678+01:00"]) {
      expect(() => validateInput("ListTrainingJobs", { CreationTimeAfter: t })).not.toThrow();
    }
  });

  it("knows every operation of the SageMaker model, and only those", () => {
    expect(modelOperations().length).toBeGreaterThan(350);
    for (const op of ["CreateTrainingJob", "UpdateEndpointWeightsAndCapacities", "CreatePipeline", "ListClusters"]) {
      expect(isModelOperation(op), op).toBe(true);
    }
    for (const name of ["NotAnOperation", "createTrainingJob", "toString", "constructor", "__proto__", ""]) {
      expect(isModelOperation(name), name).toBe(false);
    }
  });

  it("checks only the body's kind for a name that is no operation, and keeps nothing of it (the model defines no member)", () => {
    expect(validateInput("NotAnOperation", { Anything: 1 })).toEqual({});
    expect(validateInput("toString", { Anything: 1 })).toEqual({});
    expect(errorOf("NotAnOperation", []).code).toBe("SerializationException");
  });
});

describe("validateInput: ValidationException texts", () => {
  it("reports a missing or null required member as `Value null … Member must not be null` (mhart/dynalite notNull)", () => {
    const expected = "1 validation error detected: Value null at 'trainingJobName' failed to satisfy constraint: Member must not be null";
    expect(messageOf("DescribeTrainingJob", {})).toBe(expected);
    expect(messageOf("DescribeTrainingJob", { TrainingJobName: null })).toBe(expected);
    expect(errorOf("DescribeTrainingJob", {}).code).toBe("ValidationException");
  });

  it("reports max length then pattern for one member (aws-samples/sagemaker-ml-workflow-with-apache-airflow#3)", () => {
    const name = `${"m".repeat(63)}_`;
    expect(messageOf("DescribeModel", { ModelName: name })).toBe(
      `2 validation errors detected: Value '${name}' at 'modelName' failed to satisfy constraint: ` +
        "Member must have length less than or equal to 63; " +
        `Value '${name}' at 'modelName' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: [a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?",
    );
  });

  it("reports min length as `Member must have length greater than or equal to N` ([INF], mhart/dynalite)", () => {
    expect(messageOf("DeleteTags", { ResourceArn: "arn:aws:sagemaker:us-east-1:123456789012:model/m", TagKeys: [] })).toBe(
      "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: " +
        "Member must have length greater than or equal to 1",
    );
  });

  it("reports numeric ranges as `Member must have value …` ([INF], mhart/dynalite)", () => {
    expect(messageOf("ListTrainingJobs", { MaxResults: 0 })).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: " +
        "Member must have value greater than or equal to 1",
    );
    expect(messageOf("ListTrainingJobs", { MaxResults: 101 })).toContain("Member must have value less than or equal to 100");
  });

  it("prints float values the way Java does, `-1.0` ([INF] Float.toString)", () => {
    const input = { EndpointConfigName: "c", ProductionVariants: [{ VariantName: "v", InitialVariantWeight: -1 }] };
    expect(messageOf("CreateEndpointConfig", input)).toBe(
      "1 validation error detected: Value '-1.0' at 'productionVariants.1.member.initialVariantWeight' " +
        "failed to satisfy constraint: Member must have value greater than or equal to 0",
    );
  });

  it("reports a pattern with the model's text, and lower-cases only the first letter of the path (`s3Uri`)", () => {
    const input = {
      ...training,
      InputDataConfig: [{ ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "ftp://b/x" } } }],
    };
    expect(messageOf("CreateTrainingJob", input)).toBe(
      "1 validation error detected: Value 'ftp://b/x' at 'inputDataConfig.1.member.dataSource.s3DataSource.s3Uri' " +
        "failed to satisfy constraint: Member must satisfy regular expression pattern: (https|s3)://([^/]+)/?(.*)",
    );
  });

  it("reports an enum with the model's value set (aws-samples/aws-sagemaker-heart-disease-prediction#1)", () => {
    const input = { ...training, ResourceConfig: { ...training.ResourceConfig, InstanceType: "ml.t2.medium" } };
    const message = messageOf("CreateTrainingJob", input);
    expect(message).toBe(
      "1 validation error detected: Value 'ml.t2.medium' at 'resourceConfig.instanceType' failed to satisfy constraint: " +
        `Member must satisfy enum value set: [${enumOf("TrainingInstanceType")}]`,
    );
    expect(message).toContain("ml.p2.xlarge, ");
  });

  it("names list elements `<list>.<1-based index>.member.<field>` (aws/amazon-sagemaker-examples#2236)", () => {
    const input = {
      EndpointConfigName: "cfg",
      ProductionVariants: [
        { VariantName: "a", ModelName: "ok" },
        { VariantName: "b", ModelName: "ENTER MODEL NAME" },
      ],
    };
    expect(messageOf("CreateEndpointConfig", input)).toBe(
      "1 validation error detected: Value 'ENTER MODEL NAME' at 'productionVariants.2.member.modelName' failed to satisfy " +
        "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?",
    );
  });

  it("reports string-list elements once, in the nested form listing max, min, pattern (Lambda cors.allowMethods output, find_string 'Member must satisfy constraint: [')", () => {
    const input = { ModelName: "m", VpcConfig: { SecurityGroupIds: ["sg-1", "sg_2", "sg 3"], Subnets: ["subnet-1"] } };
    expect(messageOf("CreateModel", input)).toBe(
      "1 validation error detected: Value '[sg-1, sg_2, sg 3]' at 'vpcConfig.securityGroupIds' failed to satisfy constraint: " +
        "Member must satisfy constraint: [Member must have length less than or equal to 32, " +
        "Member must have length greater than or equal to 0, Member must satisfy regular expression pattern: [-0-9a-zA-Z]+]",
    );
  });

  it("reports map keys, then map values, once each as `{k=v}` (awslabs/aws-service-catalog-factory#279; EventBridge inputPathsMap output)", () => {
    const input = { ModelName: "m", PrimaryContainer: { Environment: { "1BAD": "x", "2BAD": "y", OK: "v".repeat(1025) } } };
    const shown = `{1BAD=x, 2BAD=y, OK=${"v".repeat(1025)}}`;
    expect(messageOf("CreateModel", input)).toBe(
      `2 validation errors detected: Value '${shown}' at 'primaryContainer.environment' failed to satisfy constraint: ` +
        "Map keys must satisfy constraint: [Member must have length less than or equal to 1024, " +
        "Member must have length greater than or equal to 0, Member must satisfy regular expression pattern: [a-zA-Z_][a-zA-Z0-9_]*]; " +
        `Value '${shown}' at 'primaryContainer.environment' failed to satisfy constraint: ` +
        "Map value must satisfy constraint: [Member must have length less than or equal to 1024, " +
        "Member must have length greater than or equal to 0, Member must satisfy regular expression pattern: [\\S\\s]*]",
    );
  });

  it("collects every violation in declaration order, counted and joined with '; ' (aws-samples/sagemaker-ml-workflow-with-apache-airflow#3)", () => {
    const input = { EndpointConfigName: "bad_name", ProductionVariants: [{ ModelName: "-m" }], Tags: [{ Key: "" }] };
    const message = messageOf("CreateEndpointConfig", input);
    expect(message.startsWith("5 validation errors detected: Value 'bad_name' at 'endpointConfigName' ")).toBe(true);
    expect(message.split("; ").map((part) => /at '([^']+)'/.exec(part)?.[1])).toEqual([
      "endpointConfigName",
      "productionVariants.1.member.variantName",
      "productionVariants.1.member.modelName",
      "tags.1.member.key",
      "tags.1.member.value",
    ]);
  });
});

describe("validateInput: SerializationException for the wrong JSON kind (texts from mhart/dynalite validations/index.js)", () => {
  const cases: [string, string, unknown, string][] = [
    [
      "a number for a string",
      "DescribeTrainingJob",
      { TrainingJobName: 7 },
      "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
    ],
    [
      "a boolean for a string",
      "DescribeTrainingJob",
      { TrainingJobName: true },
      "class java.lang.Boolean can not be converted to an String",
    ],
    ["an object for a string", "DescribeTrainingJob", { TrainingJobName: {} }, "Start of structure or map found where not expected."],
    ["an array for a string", "DescribeTrainingJob", { TrainingJobName: ["j"] }, "Start of list found where not expected"],
    ["a string for an integer", "ListTrainingJobs", { MaxResults: "10" }, "class java.lang.String can not be converted to an Integer"],
    [
      "a fraction for an integer ([INF]: Coral truncates)",
      "ListTrainingJobs",
      { MaxResults: 1.5 },
      "'1.5' can not be converted to an Integer",
    ],
    [
      "a number for a boolean",
      "CreateModel",
      { ModelName: "m", EnableNetworkIsolation: 1 },
      "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean",
    ],
    [
      "a string for a boolean",
      "CreateModel",
      { ModelName: "m", EnableNetworkIsolation: "yes" },
      "'YES' can not be converted to an Boolean",
    ],
    ["a string for a structure", "CreateModel", { ModelName: "m", VpcConfig: "vpc" }, "Expected null"],
    ["an array for a structure", "CreateModel", { ModelName: "m", VpcConfig: [] }, "Start of list found where not expected"],
    ["a string for a list", "AddTags", { ResourceArn: "arn", Tags: "team=ml" }, "Expected list or null"],
    [
      "an object for a list",
      "AddTags",
      { ResourceArn: "arn", Tags: { team: "ml" } },
      "Start of structure or map found where not expected.",
    ],
    ["a string for a map", "CreateModel", { ModelName: "m", PrimaryContainer: { Environment: "A=1" } }, "Expected map or null"],
    [
      "a bad date string for a timestamp (store/timestamps.ts text)",
      "ListTrainingJobs",
      { CreationTimeAfter: "yesterday" },
      "Cannot parse 'yesterday' as a timestamp.",
    ],
    ["a top-level array", "ListTrainingJobs", [], "Start of list found where not expected"],
    ["a top-level string", "ListTrainingJobs", "{}", "Expected null"],
    ["a top-level null ([INF])", "ListTrainingJobs", null, "Expected a JSON object as the request body"],
  ];
  it.each(cases)("rejects %s", (_label, operation, input, message) => {
    const error = errorOf(operation, input);
    expect([error.code, error.message]).toEqual(["SerializationException", message]);
  });

  it("wins over constraint violations found earlier in the body (Coral deserialises before it validates)", () => {
    expect(errorOf("ListTrainingJobs", { MaxResults: 0, CreationTimeAfter: true }).code).toBe("SerializationException");
  });
});
