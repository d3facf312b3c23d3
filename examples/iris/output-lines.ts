import { expect } from "vitest";

/** The line `main` ends its report with: the accuracy, then how many of the 30 held-out flowers it got right. */
const ACCURACY = /^accuracy (\d\.\d{3}) \((\d+) of 30 held-out flowers\)$/;

/** The accuracy line's value as printed and its count of right answers, failing with the whole output when there is none. */
export function accuracyOf(out: readonly string[]): { printed: string; correct: number } {
  const match = out.map((line) => ACCURACY.exec(line)).find((m) => m !== null);
  expect(match, out.join("\n")).toBeDefined();
  return { printed: match![1]!, correct: Number(match![2]) };
}

/** The Iris pipeline's steps in the order they start, in process or as a SageMaker Pipelines execution. */
export const IRIS_STEPS = ["prepare", "upload", "subset", "train", "model", "transform", "evaluate"];

/** The steps the progress view says started, in its order. */
export const startedSteps = (progress: readonly string[]): string[] =>
  progress.filter((line) => line.endsWith(" started")).map((line) => line.split(" ")[0]!);
