import { ProcessingInstanceType, TrainingInstanceType, TransformInstanceType } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { INSTANCE_FAMILIES, smallestInstanceType } from "./instance-families.js";

const OFFERED = {
  training: Object.values(TrainingInstanceType) as string[],
  processing: Object.values(ProcessingInstanceType) as string[],
  transform: Object.values(TransformInstanceType) as string[],
};

/** How big a size is, in xlarge units: medium < large < xlarge < 2xlarge < … */
function rank(type: string): number {
  const size = type.split(".")[2] ?? "";
  if (size === "medium") return 0.25;
  if (size === "large") return 0.5;
  return Number(size.replace(/xlarge$/, "") || "1");
}

describe("smallestInstanceType", () => {
  it.each([
    ["ml.p3.16xlarge", "training", "ml.p3.2xlarge"],
    ["ml.m5.4xlarge", "training", "ml.m5.large"],
    ["ml.c5.9xlarge", "processing", "ml.c5.xlarge"],
    ["ml.g5.12xlarge", "transform", "ml.g5.xlarge"],
    ["ml.t3.medium", "processing", "ml.t3.medium"],
    ["ml.c6i.8xlarge", "training", "ml.c6i.xlarge"],
    ["ml.c6i.8xlarge", "transform", "ml.c6i.large"],
    ["ml.g4dn.16xlarge", "training", "ml.g4dn.xlarge"],
  ] as const)("takes %s down to its family's smallest size for a %s job", (type, kind, smallest) => {
    expect(smallestInstanceType(type, kind)).toBe(smallest);
  });

  it.each(["ml.p4d.24xlarge", "ml.x9.large", "m5.large", "ml.m5", ""])("knows no smaller size for %j", (type) => {
    expect(smallestInstanceType(type, "training")).toBeUndefined();
  });

  it.each(Object.keys(OFFERED) as (keyof typeof OFFERED)[])(
    "names, for %s jobs, a type SageMaker offers and the smallest it offers of each family",
    (kind) => {
      for (const family of INSTANCE_FAMILIES) {
        const offered = OFFERED[kind].filter((type) => type.startsWith(`ml.${family}.`));
        if (offered.length === 0) continue;
        const smallest = offered.sort((a, b) => rank(a) - rank(b))[0];
        expect({ family, type: smallestInstanceType(offered[offered.length - 1]!, kind) }).toEqual({ family, type: smallest });
      }
    },
  );

  it("lists only families SageMaker offers for some job kind", () => {
    const offered = new Set(Object.values(OFFERED).flatMap((types) => types.map((type) => type.split(".")[1])));
    expect(INSTANCE_FAMILIES.filter((family) => !offered.has(family))).toEqual([]);
  });
});
