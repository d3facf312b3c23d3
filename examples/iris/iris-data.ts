import { readFile } from "node:fs/promises";

/**
 * The Iris data as the built-in algorithms want it. iris.csv is the classic file: a header, four
 * measurements in cm and the species by name. SageMaker's k-NN reads CSV without a header, the
 * label first and as a number, so preparing it means dropping the header, numbering the species
 * and moving the label to the front.
 */

/** The species, in the order that numbers them: setosa is label 0. */
export const SPECIES = ["setosa", "versicolor", "virginica"] as const;

export interface IrisRecord {
  /** The species' index in {@link SPECIES}. */
  readonly label: number;
  /** Sepal length, sepal width, petal length, petal width, in cm. */
  readonly features: readonly number[];
}

const HEADER = "sepal_length,sepal_width,petal_length,petal_width,species";

/** iris.csv, beside this module. */
export function readIrisCsv(): Promise<string> {
  return readFile(new URL("./iris.csv", import.meta.url), "utf8");
}

/** The records of the classic CSV; a line that is not one throws, naming its line number. */
export function parseIrisCsv(text: string): IrisRecord[] {
  const [header, ...lines] = text.trimEnd().split(/\r?\n/);
  if (header !== HEADER) throw new Error(`iris.csv: expected the header '${HEADER}', got '${header}'.`);
  return lines.map((line, i) => {
    const cells = line.split(",");
    const features = cells.slice(0, 4).map(Number);
    const label = SPECIES.indexOf(cells[4] as (typeof SPECIES)[number]);
    if (cells.length !== 5 || label < 0 || features.some((x) => !Number.isFinite(x))) {
      throw new Error(`iris.csv line ${i + 2}: expected four numbers and a species (${SPECIES.join(", ")}), got '${line}'.`);
    }
    return { label, features };
  });
}

/**
 * A stratified, deterministic split: of each species' records, in file order, every `testEvery`-th
 * goes to test and the rest to train, so both sets hold the species in the data's proportions and
 * every run splits alike. With 50 of each and the default 5: 40 + 40 + 40 to train, 10 + 10 + 10 to test.
 */
export function splitStratified(
  records: readonly IrisRecord[],
  testEvery = 5,
): { readonly train: IrisRecord[]; readonly test: IrisRecord[] } {
  const train: IrisRecord[] = [];
  const test: IrisRecord[] = [];
  const seen = new Map<number, number>();
  for (const record of records) {
    const n = seen.get(record.label) ?? 0;
    seen.set(record.label, n + 1);
    (n % testEvery === testEvery - 1 ? test : train).push(record);
  }
  return { train, test };
}

/** CSV as the k-NN reads it: no header, one record a line, the label first when `label` is set. */
export function toCsv(records: readonly IrisRecord[], { label }: { readonly label: boolean }): string {
  return records.map((r) => `${(label ? [r.label, ...r.features] : r.features).join(",")}\n`).join("");
}
