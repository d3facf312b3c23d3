import { describe, expect, it } from "vitest";
import { pyInt } from "./python-format.js";
import { formatPredictions, negotiateResponseFormat, parseInferenceRequest } from "./serving-formats.js";

const request = (body: string, contentType: string) => ({ body: new TextEncoder().encode(body), contentType });

describe("parseInferenceRequest", () => {
  it("reads CSV rows without a label", () => {
    expect(parseInferenceRequest(request("1,2\r\n3,4\n", "text/csv"))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("drops label_size leading columns when the content type names them", () => {
    expect(parseInferenceRequest(request("9,1,2\n", "text/csv; label_size=1"))).toEqual([[1, 2]]);
  });

  it("reads JSON instances in every documented shape (kNN-inference-formats.md, cdf-inference.md)", () => {
    const body = JSON.stringify({
      instances: [
        { features: [1, 2, 3] },
        { data: { features: { values: [4, 5, 6] } } },
        { data: { features: [7, 8, 9] } },
        { features: { keys: [2], values: [1.5], shape: [3] } },
      ],
    });
    expect(parseInferenceRequest(request(body, "application/json"))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      [0, 0, 1.5],
    ]);
  });

  it("reads a bare JSON instance", () => {
    expect(parseInferenceRequest(request('{"features":[1.5,16.0]}', "application/json"))).toEqual([[1.5, 16]]);
  });

  it("reads JSON Lines, one instance per line", () => {
    const body = '{"features": [1.5, 16.0]}\n\n{"data": {"features": {"values": [2, 3]}}}\n';
    expect(parseInferenceRequest(request(body, "application/jsonlines"))).toEqual([
      [1.5, 16],
      [2, 3],
    ]);
  });

  it.each([
    ["text/plain", "1,2"],
    ["application/x-recordio-protobuf", "1,2"],
    ["text/libsvm", "1 1:2"],
  ])("refuses content type %s with status 415", (type, body) => {
    expect(() => parseInferenceRequest(request(body, type))).toThrow(expect.objectContaining({ category: "ClientError", statusCode: 415 }));
  });

  it.each([
    ["application/json", "{not json", "Unable to parse the request body as JSON"],
    ["application/json", '{"instances": {}}', '"instances" must be an array'],
    ["application/json", '{"instances": [{"values": [1]}]}', 'instance 1 has no "features"'],
    ["application/json", '{"features": [1, "2"]}', 'hold "2", not a number'],
    ["application/json", '{"features": {"keys": [5], "values": [1], "shape": [3]}}', '"keys" within "shape"'],
    ["application/jsonlines", '{"features": [1]}\n{"features": 1}', "the features of line 2 are not an array of numbers"],
    ["text/csv", "1,a", 'line 1, column 2 of the request body is "a"'],
  ])("refuses a malformed %s body with status 400 (%s)", (type, body, message) => {
    expect(() => parseInferenceRequest(request(body, type))).toThrow(message);
    expect(() => parseInferenceRequest(request(body, type))).toThrow(expect.objectContaining({ statusCode: 400 }));
  });
});

describe("negotiateResponseFormat", () => {
  it.each([
    [undefined, "application/json", false],
    ["", "application/json", false],
    ["*/*", "application/json", false],
    ["application/json", "application/json", false],
    ["application/json; verbose=true", "application/json", true],
    ["application/json;verbose=True", "application/json", true],
    ["application/jsonlines; verbose=true", "application/jsonlines", true],
    ["text/csv, application/jsonlines", "application/jsonlines", false],
  ])("Accept %j gives %s (verbose %s)", (accept, mediaType, verbose) => {
    expect(negotiateResponseFormat(accept)).toEqual({ mediaType, verbose });
  });

  it.each(["text/csv", "application/x-recordio-protobuf", "text/html, text/plain"])("refuses Accept %s with status 406", (accept) => {
    expect(() => negotiateResponseFormat(accept)).toThrow(expect.objectContaining({ category: "ClientError", statusCode: 406 }));
  });
});

describe("formatPredictions", () => {
  const predictions = [
    { score: 0.4, predicted_label: pyInt(0) },
    { score: 0.9, predicted_label: pyInt(1) },
  ];

  it("writes JSON as {predictions: [...]}", () => {
    const response = formatPredictions(predictions, { mediaType: "application/json", verbose: false });
    expect(response).toEqual({
      contentType: "application/json",
      body: '{"predictions": [{"score": 0.4, "predicted_label": 0}, {"score": 0.9, "predicted_label": 1}]}',
    });
  });

  it("writes JSON Lines as one object per line", () => {
    const response = formatPredictions(predictions, { mediaType: "application/jsonlines", verbose: false });
    expect(response.contentType).toBe("application/jsonlines");
    expect(
      String(response.body)
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { score: 0.4, predicted_label: 0 },
      { score: 0.9, predicted_label: 1 },
    ]);
  });
});
