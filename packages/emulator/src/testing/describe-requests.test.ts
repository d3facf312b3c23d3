import { describe, expect, it } from "vitest";
import type { ReceivedRequest } from "../request-log.js";
import { describeRequests } from "./describe-requests.js";

const request = (operation: string, statusCode = 200, errorCode?: string): ReceivedRequest => ({
  service: "sagemaker",
  operation,
  input: {},
  at: 0,
  statusCode,
  ...(errorCode === undefined ? {} : { errorCode }),
});

describe(describeRequests.name, () => {
  it("folds a run of the same operation and answer into one line", () => {
    const log = [
      request("CreateTrainingJob"),
      ...Array.from({ length: 5 }, () => request("DescribeTrainingJob")),
      request("DescribeTrainingJob", 400, "ValidationException"),
    ];
    expect(describeRequests(log)).toBe(
      [
        "The emulator received 7 requests:",
        "  #1 sagemaker CreateTrainingJob → 200",
        "  #2–#6 sagemaker DescribeTrainingJob → 200 (5 times)",
        "  #7 sagemaker DescribeTrainingJob → 400 ValidationException",
      ].join("\n"),
    );
  });

  it("keeps the first and last 20 of more than 40 lines and says how many it left out", () => {
    const log = Array.from({ length: 45 }, (_, i) => request(`Operation${i}`));
    const lines = describeRequests(log).split("\n");
    expect(lines).toHaveLength(1 + 20 + 1 + 20);
    expect(lines[20]).toBe("  #20 sagemaker Operation19 → 200");
    expect(lines[21]).toBe("  … 5 lines left out …");
    expect(lines[22]).toBe("  #26 sagemaker Operation25 → 200");
  });
});
