import { describe, expect, it } from "vitest";
import { type IrisRecord, parseIrisCsv, readIrisCsv, SPECIES, splitStratified, toCsv } from "./iris-data.js";

const countBy = (records: readonly IrisRecord[]) => SPECIES.map((_, label) => records.filter((r) => r.label === label).length);

describe(parseIrisCsv.name, () => {
  it("reads iris.csv: 150 flowers, 50 of each species, numbered in the species' order", async () => {
    const records = parseIrisCsv(await readIrisCsv());
    expect(records).toHaveLength(150);
    expect(countBy(records)).toEqual([50, 50, 50]);
    expect(records[0]).toEqual({ label: 0, features: [5.1, 3.5, 1.4, 0.2] });
    expect(records[50]).toEqual({ label: 1, features: [7.0, 3.2, 4.7, 1.4] });
    expect(records[149]).toEqual({ label: 2, features: [5.9, 3.0, 5.1, 1.8] });
  });

  it("refuses a file without the classic header, and names the line of a record it cannot read", () => {
    expect(() => parseIrisCsv("5.1,3.5,1.4,0.2,setosa\n")).toThrow(
      /expected the header 'sepal_length,sepal_width,petal_length,petal_width,species'/,
    );
    const header = "sepal_length,sepal_width,petal_length,petal_width,species";
    expect(() => parseIrisCsv(`${header}\n5.1,3.5,1.4,0.2,setosa\n5.1,3.5,1.4,0.2,rosa\n`)).toThrow(
      "iris.csv line 3: expected four numbers and a species (setosa, versicolor, virginica), got '5.1,3.5,1.4,0.2,rosa'.",
    );
    expect(() => parseIrisCsv(`${header}\n5.1,x,1.4,0.2,setosa\n`)).toThrow(/line 2/);
  });
});

describe(splitStratified.name, () => {
  it("keeps the species' proportions: 40 of each to train and 10 of each to test, every fifth of a species to test", async () => {
    const records = parseIrisCsv(await readIrisCsv());
    const { train, test } = splitStratified(records);
    expect(countBy(train)).toEqual([40, 40, 40]);
    expect(countBy(test)).toEqual([10, 10, 10]);
    expect(test[0]).toBe(records[4]);
    expect(test[10]).toBe(records[54]);
    expect(new Set([...train, ...test]).size).toBe(150);
  });

  it("splits alike every time", async () => {
    const records = parseIrisCsv(await readIrisCsv());
    expect(splitStratified(records)).toEqual(splitStratified(records));
  });
});

describe(toCsv.name, () => {
  it("writes k-NN's CSV: no header, the label first for training, the features alone for inference", () => {
    const records = [
      { label: 0, features: [5.1, 3.5, 1.4, 0.2] },
      { label: 2, features: [6.3, 3.3, 6, 2.5] },
    ];
    expect(toCsv(records, { label: true })).toBe("0,5.1,3.5,1.4,0.2\n2,6.3,3.3,6,2.5\n");
    expect(toCsv(records, { label: false })).toBe("5.1,3.5,1.4,0.2\n6.3,3.3,6,2.5\n");
  });
});
