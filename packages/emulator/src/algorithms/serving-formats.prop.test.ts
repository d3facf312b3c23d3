import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPredictions, parseInferenceRequest } from "./serving-formats.js";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const vectors = fc
  .integer({ min: 1, max: 6 })
  .chain((d) => fc.array(fc.array(finite, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 8 }));

describe("serving formats", () => {
  it("property: every request format carries the same vectors", () => {
    fc.assert(
      fc.property(vectors, (rows) => {
        // -0 prints as 0 in CSV; a feature's sign of zero is nobody's business.
        const expected = rows.map((row) => row.map((v) => v + 0));
        const csv = rows.map((row) => row.map(String).join(",")).join("\n");
        const json = JSON.stringify({ instances: rows.map((features) => ({ features })) });
        const jsonl = rows.map((values) => JSON.stringify({ data: { features: { values } } })).join("\n");
        expect(parseInferenceRequest({ body: encode(csv), contentType: "text/csv" }).map((r) => r.map((v) => v + 0))).toEqual(expected);
        expect(parseInferenceRequest({ body: encode(json), contentType: "application/json" }).map((r) => r.map((v) => v + 0))).toEqual(
          expected,
        );
        expect(
          parseInferenceRequest({ body: encode(jsonl), contentType: "application/jsonlines" }).map((r) => r.map((v) => v + 0)),
        ).toEqual(expected);
      }),
    );
  });

  it("property: a response parses back to the predictions in both formats", () => {
    const prediction = fc.record({ predicted_label: finite, distances: fc.array(finite, { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(prediction, { minLength: 1, maxLength: 6 }), (predictions) => {
        // Python prints -0.0 as "-0.0" too; compare zeros without their sign.
        const unsigned = (p: { predicted_label: number; distances: number[] }) => ({
          predicted_label: p.predicted_label + 0,
          distances: p.distances.map((d) => d + 0),
        });
        const json = formatPredictions(predictions, { mediaType: "application/json", verbose: true });
        expect(JSON.parse(String(json.body)).predictions.map(unsigned)).toEqual(predictions.map(unsigned));
        const jsonl = formatPredictions(predictions, { mediaType: "application/jsonlines", verbose: true });
        expect(
          String(jsonl.body)
            .split("\n")
            .map((line) => unsigned(JSON.parse(line))),
        ).toEqual(predictions.map(unsigned));
      }),
    );
  });
});
