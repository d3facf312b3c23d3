import { labelOf } from "./csv-label.js";
import { classSeed, seededRandom } from "./seeded-random.js";
import { resolveSubsetOptions, type SubsetOptions } from "./subset-options.js";

interface Row {
  readonly index: number;
  readonly line: string;
}

/**
 * One class's sampling state. The class's rows are cut into runs ("units") of about 1/fraction
 * consecutive rows, at a random phase, and one row is drawn from each unit (a reservoir of one).
 * Rows not drawn feed a small reservoir of spares, which tops the class up to its target.
 */
interface Stratum {
  readonly random: () => number;
  readonly phase: number;
  seen: number;
  unit: number;
  unitRows: number;
  pick: Row | undefined;
  readonly kept: Row[];
  readonly spares: Row[];
  offered: number;
}

/**
 * Keeps `fraction` of each class's rows of a CSV stream, so the subset has the input's class
 * proportions: class `c` with `n` rows keeps exactly `min(n, max(minPerClass, round(n × fraction)))`
 * of them, a random pick for the `seed` (the same seed and input always give the same lines). The
 * kept lines come out in input order, without line endings; blank lines are dropped, and with
 * `header: true` the first non-blank line comes out first, unsampled.
 *
 * One pass over `lines`, whose memory is the subset (plus `max(3, minPerClass)` spare rows per
 * class), never the input: each class is cut into consecutive units of about `1/fraction` rows at
 * a random phase and gives one random row per unit (the first and last units counted at full
 * length, so their rows are not favoured), which lands within two rows of `n × fraction` whatever
 * `n` turns out to be; the count is then made exact by dropping one random kept row or adding
 * random spares (a reservoir of the rows not drawn). Every row of a class is about equally likely
 * to be kept, and the draw is stratified by position too, so a class's rows are spread over the
 * file. The subset is emitted once the input ends, because a class's last unit is not decided
 * before. Options are checked when the first line is asked for.
 *
 * @example
 * ```ts
 * const lines = createInterface({ input: createReadStream("train.csv"), crlfDelay: Infinity }); // node:readline
 * for await (const line of stratifiedSubset(lines, { fraction: 0.01, seed: 42, header: true })) out.write(`${line}\n`);
 * ```
 */
export async function* stratifiedSubset(lines: AsyncIterable<string> | Iterable<string>, options: SubsetOptions): AsyncGenerator<string> {
  const { fraction, seed, labelColumn, minPerClass, header } = resolveSubsetOptions(options);
  const strata = new Map<string, Stratum>();
  // The first and last units may give no row, so a class can end up to 3 rows short of its target.
  const spareCount = Math.max(minPerClass, 3);
  let index = 0;
  let headerDone = !header;
  for await (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    if (!headerDone) {
      headerDone = true;
      yield line;
      continue;
    }
    const label = labelOf(line, labelColumn);
    if (label === undefined) {
      throw new RangeError(
        `Failed to subset: row ${index + 1} has no column ${labelColumn} (labelColumn counts from 0): ${JSON.stringify(line.slice(0, 80))}. Please pass the labelColumn of the class label.`,
      );
    }
    let stratum = strata.get(label);
    if (stratum === undefined) {
      const random = seededRandom(classSeed(seed, label));
      stratum = { random, phase: random(), seen: 0, unit: -1, unitRows: 0, pick: undefined, kept: [], spares: [], offered: 0 };
      strata.set(label, stratum);
    }
    draw(stratum, { index: index++, line }, fraction, spareCount);
  }
  const kept: Row[] = [];
  for (const stratum of strata.values()) kept.push(...settle(stratum, fraction, minPerClass, spareCount));
  kept.sort((a, b) => a.index - b.index);
  for (const row of kept) yield row.line;
}

/**
 * Takes one row of the stratum's class into the current unit's reservoir of one. Unit `j` holds
 * the rows `i` with `floor(i × fraction + phase) = j`; the first unit also counts the rows that
 * would come before row 0 (phantoms, never kept), so its real rows are no likelier to be drawn than
 * a full unit's.
 */
function draw(s: Stratum, row: Row, fraction: number, spareCount: number): void {
  const unit = Math.floor(s.seen * fraction + s.phase);
  if (s.seen === 0) s.unitRows = Math.floor(s.phase / fraction);
  s.seen++;
  if (unit !== s.unit) {
    if (s.pick) s.kept.push(s.pick);
    if (s.unit !== -1) s.unitRows = 0;
    s.unit = unit;
    s.pick = undefined;
  }
  s.unitRows++;
  if (s.random() * s.unitRows < 1) {
    if (s.pick) offerSpare(s, s.pick, spareCount);
    s.pick = own(row);
  } else {
    offerSpare(s, row, spareCount);
  }
}

/**
 * The row with a line of its own. A line sliced from a larger string (a decoded chunk) is, in V8,
 * a view that keeps the whole chunk alive: a kept row would then hold its chunk, and the subset
 * the input. Concatenating then slicing makes a flat copy.
 */
function own(row: Row): Row {
  return { index: row.index, line: ` ${row.line}`.slice(1) };
}

/** Reservoir sampling (Algorithm R) of `size` rows among those the units did not draw. */
function offerSpare(s: Stratum, row: Row, size: number): void {
  s.offered++;
  if (s.spares.length < size) s.spares.push(own(row));
  else {
    const slot = Math.floor(s.random() * s.offered);
    if (slot < size) s.spares[slot] = own(row);
  }
}

/**
 * The class's kept rows, exactly its target. The last unit, cut short by the end of the input, is
 * drawn over its full length (the missing rows as phantoms); then one random kept row is dropped,
 * or random spares are added, to hit the target.
 */
function settle(s: Stratum, fraction: number, minPerClass: number, spareCount: number): Row[] {
  const fullRows = Math.ceil((s.unit + 1 - s.phase) / fraction) - Math.ceil((s.unit - s.phase) / fraction);
  if (s.pick && s.random() * fullRows >= s.unitRows) offerSpare(s, s.pick, spareCount);
  else if (s.pick) s.kept.push(s.pick);
  const target = Math.min(s.seen, Math.max(minPerClass, Math.round(s.seen * fraction)));
  while (s.kept.length > target) s.kept.splice(Math.floor(s.random() * s.kept.length), 1);
  while (s.kept.length < target) s.kept.push(s.spares.splice(Math.floor(s.random() * s.spares.length), 1)[0]!);
  return s.kept;
}
