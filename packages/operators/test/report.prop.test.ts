import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pipelineReport } from "../src/report/pipeline-report.js";
import { byClass, structure, textOf } from "./report-html.js";
import { PLAIN, type ScenarioText, scenario } from "./report-scenario.js";

// Text a user's pipeline or container may produce, weighted towards what markup is made of.
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "/", "=", " ", "a", "script", "!--", "]]>", "\n"), maxLength: 30 }),
  fc.constantFrom('"><script>alert(1)</script>', "</style><img src=x onerror=alert(1)>", "' onmouseover='x", "&lt;b&gt;", "</title></svg>"),
);

const text: fc.Arbitrary<ScenarioText> = fc.record({
  pipelineName: hostile,
  runId: hostile,
  ids: fc.uniqueArray(hostile, { minLength: 4, maxLength: 4 }) as unknown as fc.Arbitrary<ScenarioText["ids"]>,
  jobName: hostile,
  failureReason: hostile,
  logLines: fc.array(hostile, { minLength: 1, maxLength: 4 }),
  checkName: hostile,
  checkFound: hostile,
  changePath: hostile,
  changeWhy: hostile,
  metricName: hostile,
});

/** The same scenario with every string replaced by a plain one, the same string by the same one. */
function plain(t: ScenarioText): ScenarioText {
  const names = new Map<string, string>();
  const p = (s: string): string => {
    if (!names.has(s)) names.set(s, `t${names.size}`);
    return names.get(s)!;
  };
  return {
    pipelineName: p(t.pipelineName),
    runId: p(t.runId),
    ids: t.ids.map(p) as unknown as ScenarioText["ids"],
    jobName: p(t.jobName),
    failureReason: p(t.failureReason),
    logLines: t.logLines.map(p),
    checkName: p(t.checkName),
    checkFound: p(t.checkFound),
    changePath: p(t.changePath),
    changeWhy: p(t.changeWhy),
    metricName: p(t.metricName),
  };
}

const render = (t: ScenarioText): string => {
  const { events, outcome } = scenario(t);
  return pipelineReport(events, outcome);
};

describe("pipelineReport's escaping", () => {
  it("keeps the page's shape whatever the step ids, names, failure reasons and log lines hold: no text becomes markup", () => {
    const baseline = structure(render(PLAIN));
    expect(baseline.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(text, (t) => {
        const page = render(t);
        // Every tag and attribute name as it is with harmless text, in the same order.
        expect(structure(page)).toEqual(structure(render(plain(t))));
        expect(page.match(/<script/gi)).toBeNull();
        // And the text reads back as it was given.
        expect(byClass(page, "node").map((n) => n.attrs["data-step"])).toEqual([...t.ids]);
        const failure = byClass(page, "failure")[0]!;
        expect(failure.attrs["data-step"]).toBe(t.ids[1]);
        expect(byClass(failure.inner, "log-line").map((l) => textOf(l).replace(/^\S+ /, ""))).toEqual(t.logLines);
        expect(textOf(byClass(failure.inner, "failure-reason")[0])).toBe(`FailureReason: ${t.failureReason}`);
        expect(textOf(byClass(page, "found")[0])).toBe(t.checkFound);
      }),
      { numRuns: 150 },
    );
  });
});
