import { describe, expect, it } from "vitest";
import { ContainerError } from "../containers/contract.js";
import { parseNumericCsv, readLabelledChannel } from "./csv.js";
import { csvChannel } from "./test-support.js";

describe("parseNumericCsv", () => {
  it("reads rows of numbers, skipping blank lines and accepting CRLF", () => {
    expect(parseNumericCsv("1,2.5,-3\r\n\r\n  \n4,5e-1, +6\n", "f.csv")).toEqual([
      [1, 2.5, -3],
      [4, 0.5, 6],
    ]);
  });

  it.each([
    ["1,2\n3,abc\n", 'line 2, column 2 of f.csv is "abc"'],
    ["1,,2\n", 'line 1, column 2 of f.csv is ""'],
    ["nan,1\n", 'line 1, column 1 of f.csv is "nan"'],
    ["x,y\n1,2\n", 'line 1, column 1 of f.csv is "x"'],
  ])("names the line, column and file of a cell that is not a number (%j)", (text, where) => {
    expect(() => parseNumericCsv(text, "f.csv")).toThrow(where);
  });

  it("refuses a line whose column count differs from the lines before it", () => {
    expect(() => parseNumericCsv("1,2,3\n\n4,5\n", "f.csv")).toThrow("line 3 of f.csv has 2 columns; the lines before it have 3");
  });

  it("throws ClientError with status 400", () => {
    const error = (() => {
      try {
        parseNumericCsv("a", "f.csv");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ContainerError);
    expect(error).toMatchObject({ category: "ClientError", statusCode: 400 });
  });
});

describe("readLabelledChannel", () => {
  it("splits off the first column as the label and reads every file in order", () => {
    const data = readLabelledChannel(csvChannel(["1,10,11\n0,20,21\n", "\n2,30,31\n"]), "train");
    expect(data.labels).toEqual([1, 0, 2]);
    expect(data.features).toEqual([
      [10, 11],
      [20, 21],
      [30, 31],
    ]);
  });

  it.each(["text/csv", "text/csv;label_size=1", "text/csv; label_size=1", "TEXT/CSV; charset=utf-8"])("accepts content type %s", (type) => {
    expect(readLabelledChannel(csvChannel("1,2\n", type), "train").labels).toEqual([1]);
  });

  it.each(["application/x-recordio-protobuf", "application/json", "text/libsvm"])("refuses content type %s, naming it", (type) => {
    expect(() => readLabelledChannel(csvChannel("1,2\n", type), "train")).toThrow(`Content type ${type} of channel train is not supported`);
  });

  it("refuses a label_size other than 1", () => {
    expect(() => readLabelledChannel(csvChannel("1,2,3\n", "text/csv;label_size=2"), "train")).toThrow("label_size must be 1");
  });

  it("refuses a channel without ContentType: the built-ins would read RecordIO-protobuf", () => {
    expect(() => readLabelledChannel(csvChannel("1,2\n", null), "train")).toThrow(
      /names no ContentType.*set the channel's ContentType to text\/csv/,
    );
  });

  it("names the file of a parse error by channel and path", () => {
    expect(() => readLabelledChannel(csvChannel(["1,2\n", "1,x\n"]), "test")).toThrow("column 2 of test/part-1.csv");
  });

  it("refuses files whose column counts differ", () => {
    expect(() => readLabelledChannel(csvChannel(["1,2,3\n", "1,2\n"]), "train")).toThrow(
      "train/part-1.csv: its lines have 2 columns; the files before it in channel train have 3",
    );
  });

  it("refuses records without a feature", () => {
    expect(() => readLabelledChannel(csvChannel("1\n2\n"), "train")).toThrow("a record needs a label and at least one feature");
  });

  it("refuses bytes that are not UTF-8", () => {
    const channel = { files: [{ path: "bad.csv", body: new Uint8Array([0x31, 0x2c, 0xff, 0x0a]) }], contentType: "text/csv" };
    expect(() => readLabelledChannel(channel, "train")).toThrow("Unable to read train/bad.csv: it is not UTF-8 text");
  });
});
