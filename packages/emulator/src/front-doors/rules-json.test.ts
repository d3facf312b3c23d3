import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../emulator.js";
import { startServer, type RunningServer } from "../http.js";
import type { EmulatorRule } from "../options.js";
import { DEFAULT_DURATIONS } from "../resources/kinds.js";
import { rulesFromJson, rulesToJson } from "./rules-json.js";

// JSON has no -0: it is written "0", so an arbitrary that could draw it maps it to 0.
const noNegativeZero = (n: number) => n + 0;
const seconds = fc.double({ min: 0, max: 1e7, noNaN: true }).map(noNegativeZero);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);

/** A pattern: a plain string, or a RegExp on any text (escaped) with flags `pattern` keeps (it drops g and y). */
const pattern = fc.oneof(
  fc.string(),
  fc
    .record({
      text: fc.string(),
      anchored: fc.boolean(),
      // In RegExp.prototype.flags' own order, so the RegExp's flags read back as drawn.
      flags: fc.subarray(["d", "i", "m", "s", "u"]).map((flags) => flags.join("")),
    })
    .map(({ text, anchored, flags }) => new RegExp(`${anchored ? "^" : ""}${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`, flags)),
);
const dictionary = <T>(value: fc.Arbitrary<T>) => fc.dictionary(fc.string(), value, { maxKeys: 3, noNullPrototype: true });
const durations = fc.record(Object.fromEntries(Object.keys(DEFAULT_DURATIONS).map((phase) => [phase, seconds])), { requiredKeys: [] });
const outcome = fc.oneof(
  fc.constant({ status: "Completed" as const }),
  fc.record({ status: fc.constant("Failed" as const), failureReason: fc.string(), afterSeconds: seconds }, { requiredKeys: ["status"] }),
);
const rule: fc.Arbitrary<EmulatorRule> = fc.record(
  {
    match: fc.record({ name: pattern, image: pattern, hyperParameters: dictionary(pattern) }, { requiredKeys: [] }),
    durations,
    outcome,
    metrics: dictionary(finite),
  },
  { requiredKeys: [] },
);

describe("rules as JSON", () => {
  it("property: rulesFromJson reads back what rulesToJson writes of the rules in force, through JSON text", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 4 }), (rules) => {
        const emulator = createEmulator();
        // The rules are valid ones: setRules checks them as PUT /_sagerun/rules does.
        emulator.setRules(rules);
        const text = JSON.stringify(rulesToJson(emulator.rules()));
        expect(rulesFromJson(JSON.parse(text))).toEqual(rules);
      }),
    );
  });

  it("writes a RegExp as {regex, flags}, its flags always written, and leaves strings as they are", () => {
    expect(rulesToJson([{ match: { name: /^flaky-/i, image: "img", hyperParameters: { eta: /0\.[0-9]/ } } }])).toEqual([
      { match: { name: { regex: "^flaky-", flags: "i" }, image: "img", hyperParameters: { eta: { regex: "0\\.[0-9]", flags: "" } } } },
    ]);
  });

  it("Emulator.rules() is a copy: changing the list it returns changes no rule in force", () => {
    const emulator = createEmulator({ rules: [{ match: { name: "a" } }] });
    emulator.rules().push({ match: { name: "b" } });
    expect(emulator.rules()).toEqual([{ match: { name: "a" } }]);
  });
});

describe("GET /_sagerun/rules", () => {
  let server: RunningServer;
  const rules = (method: "GET" | "PUT", body?: unknown) =>
    fetch(`${server.url}/_sagerun/rules`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
  const read = async () => {
    const answer = await rules("GET");
    expect(answer.status).toBe(200);
    return (await answer.json()) as { rules: unknown[] };
  };

  beforeAll(async () => {
    server = await startServer({ port: 0, emulator: createEmulator({ rules: [{ match: { name: /^cfg-/ }, metrics: { auc: 0.5 } }] }) });
  });
  afterAll(() => server.close());

  it("answers the rules given at start, then gives back exactly what PUT set, in the form PUT takes", async () => {
    expect(await read()).toEqual({ rules: [{ match: { name: { regex: "^cfg-", flags: "" } }, metrics: { auc: 0.5 } }] });
    const put = {
      rules: [
        {
          match: { name: { regex: "^flaky-", flags: "i" }, image: "my-image:1", hyperParameters: { eta: { regex: "^0\\.", flags: "" } } },
          durations: { trainingSeconds: 30, stoppingSeconds: 0.5 },
          outcome: { status: "Failed", failureReason: "AlgorithmError: boom", afterSeconds: 10 },
        },
        { match: {}, outcome: { status: "Completed" }, metrics: { "validation:auc": 0.91 } },
      ],
    };
    expect((await rules("PUT", put)).status).toBe(200);
    expect(await read()).toEqual(put);
    // What GET answers can be PUT back as it is.
    expect((await rules("PUT", await read())).status).toBe(200);
    expect(await read()).toEqual(put);
    expect((await rules("PUT", { rules: [] })).status).toBe(200);
    expect(await read()).toEqual({ rules: [] });
  });

  it("writes flags a pattern was PUT without as empty, and drops g and y as PUT does", async () => {
    expect((await rules("PUT", { rules: [{ match: { name: { regex: "^a" }, image: { regex: "b", flags: "gyi" } } }] })).status).toBe(200);
    expect(await read()).toEqual({ rules: [{ match: { name: { regex: "^a", flags: "" }, image: { regex: "b", flags: "i" } } }] });
  });
});
