/**
 * One regression tree of a gradient-boosted model, grown as XGBoost's exact greedy algorithm grows
 * it (Chen & Guestrin, "XGBoost: A Scalable Tree Boosting System", 2016, Algorithms 1 and 3):
 * level by level, every split of every feature scored from the sums of gradients and hessians,
 * missing values sent whichever way scores better. Checked against xgboost 1.7.4 (`tree_method=exact`):
 * the same predictions, to float32 precision, for reg:squarederror, multi:softprob, and
 * binary:logistic with min_child_weight=0. Simplifications: `gamma` refuses a split as it
 * is made rather than pruning bottom-up afterwards, and `colsample_bynode` samples per level.
 */

export interface TreeParams {
  /** 0 means no limit. */
  readonly maxDepth: number;
  readonly minChildWeight: number;
  readonly lambda: number;
  readonly alpha: number;
  readonly gamma: number;
  readonly maxDeltaStep: number;
  readonly eta: number;
}

/** A tree as parallel arrays; node 0 is the root, a leaf has feature -1 and its value (eta applied). */
export interface Tree {
  readonly feature: number[];
  readonly threshold: number[];
  readonly defaultLeft: boolean[];
  readonly left: number[];
  readonly right: number[];
  readonly value: number[];
}

/** The tree's value for a row; a feature the row lacks (NaN, or past its end) is missing. */
export function treeValue(tree: Tree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    const v = row[tree.feature[node]!];
    const left = v === undefined || Number.isNaN(v) ? tree.defaultLeft[node]! : v < tree.threshold[node]!;
    node = left ? tree.left[node]! : tree.right[node]!;
  }
  return tree.value[node]!;
}

/** Per feature, the rows that have a value, by value (then by row). Computed once per training. */
export function presort(rows: readonly Float64Array[], featureCount: number): Int32Array[] {
  return Array.from({ length: featureCount }, (_, f) => {
    const present = [];
    for (let i = 0; i < rows.length; i++) if (!Number.isNaN(rows[i]![f]!)) present.push(i);
    present.sort((a, b) => rows[a]![f]! - rows[b]![f]! || a - b);
    return Int32Array.from(present);
  });
}

/** XGBoost's kRtEps: a split must gain more than this. */
const RT_EPS = 1e-6;
/** Depth when max_depth is 0 (no limit): deeper than any tree the emulator's data can need. */
const UNLIMITED_DEPTH = 64;

interface Split {
  readonly gain: number;
  readonly feature: number;
  readonly threshold: number;
  readonly defaultLeft: boolean;
  readonly left: readonly [g: number, h: number];
  readonly right: readonly [g: number, h: number];
}

export interface TreeInput {
  readonly rows: readonly Float64Array[];
  readonly sorted: readonly Int32Array[];
  readonly g: Float64Array;
  readonly h: Float64Array;
  /** The rows this tree learns from (subsample). */
  readonly sample: readonly number[];
  /** The features a level may split on (colsample_bytree, _bylevel, _bynode). */
  readonly featuresAt: (depth: number) => readonly number[];
}

export function growTree(input: TreeInput, p: TreeParams): Tree {
  const { rows, sorted, g, h, sample } = input;
  const tree: Tree = { feature: [-1], threshold: [0], defaultLeft: [false], left: [-1], right: [-1], value: [0] };
  const sumG = [0];
  const sumH = [0];
  const count = [0];
  const position = new Int32Array(rows.length).fill(-1);
  for (const i of sample) {
    position[i] = 0;
    sumG[0]! += g[i]!;
    sumH[0]! += h[i]!;
    count[0]!++;
  }
  const soft = (G: number): number => (G > p.alpha ? G - p.alpha : G < -p.alpha ? G + p.alpha : 0);
  const weight = (G: number, H: number): number => {
    if (H + p.lambda <= 0) return 0;
    const w = -soft(G) / (H + p.lambda);
    return p.maxDeltaStep > 0 ? Math.max(-p.maxDeltaStep, Math.min(p.maxDeltaStep, w)) : w;
  };
  // The loss a node's best weight saves (XGBoost's CalcGain: without the ½ of the paper).
  const gain = (G: number, H: number): number => {
    if (H + p.lambda <= 0) return 0;
    if (p.maxDeltaStep === 0) return soft(G) ** 2 / (H + p.lambda);
    const w = weight(G, H);
    return -(2 * soft(G) * w + (H + p.lambda) * w * w);
  };

  let frontier = [0];
  const maxDepth = p.maxDepth === 0 ? UNLIMITED_DEPTH : p.maxDepth;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const size = tree.feature.length;
    const open = new Uint8Array(size);
    for (const k of frontier) open[k] = 1;
    const best = new Map<number, Split>();
    const presentG = new Float64Array(size);
    const presentH = new Float64Array(size);
    const presentN = new Int32Array(size);
    const runG = new Float64Array(size);
    const runH = new Float64Array(size);
    const last = new Float64Array(size);
    const seen = new Uint8Array(size);

    /** Scores the split at `threshold`: values below it (runG, runH so far) left, missing values either way. */
    const consider = (k: number, feature: number, threshold: number, only?: "missingRight" | "missingLeft"): void => {
      const G = sumG[k]!;
      const H = sumH[k]!;
      const parent = gain(G, H);
      const options: [boolean, number, number, number, number][] = [];
      if (only !== "missingLeft") options.push([false, runG[k]!, runH[k]!, G - runG[k]!, H - runH[k]!]);
      // Only a node with missing values for this feature has a choice of where to send them.
      if (only !== "missingRight" && presentN[k]! < count[k]!) {
        options.push([true, runG[k]! + G - presentG[k]!, runH[k]! + H - presentH[k]!, presentG[k]! - runG[k]!, presentH[k]! - runH[k]!]);
      }
      for (const [defaultLeft, gl, hl, gr, hr] of options) {
        if (hl < p.minChildWeight || hr < p.minChildWeight) continue;
        const change = gain(gl, hl) + gain(gr, hr) - parent;
        if (change <= RT_EPS || change < p.gamma) continue;
        const current = best.get(k);
        if (current === undefined || change > current.gain)
          best.set(k, { gain: change, feature, threshold, defaultLeft, left: [gl, hl], right: [gr, hr] });
      }
    };

    for (const f of input.featuresAt(depth)) {
      const order = sorted[f]!;
      presentG.fill(0);
      presentH.fill(0);
      presentN.fill(0);
      for (const i of order) {
        const k = position[i]!;
        if (k < 0 || !open[k]) continue;
        presentG[k]! += g[i]!;
        presentH[k]! += h[i]!;
        presentN[k]!++;
      }
      runG.fill(0);
      runH.fill(0);
      seen.fill(0);
      for (const i of order) {
        const k = position[i]!;
        if (k < 0 || !open[k]) continue;
        const v = rows[i]![f]!;
        if (!seen[k]) {
          // Every present value right, every missing one left: XGBoost's backward scan ends on this
          // split, just below the smallest value (ColMaker's "finish up the ending piece").
          if (presentN[k]! < count[k]!) consider(k, f, v - (Math.abs(v) + RT_EPS), "missingLeft");
        } else if (v > last[k]!) {
          // Between two distinct values: XGBoost's exact split sits halfway.
          consider(k, f, (last[k]! + v) / 2);
        }
        runG[k]! += g[i]!;
        runH[k]! += h[i]!;
        last[k] = v;
        seen[k] = 1;
      }
      // And the forward scan's end: every present value left, every missing one right.
      for (const k of frontier) {
        if (seen[k] && presentN[k]! < count[k]!) consider(k, f, last[k]! + Math.abs(last[k]!) + RT_EPS, "missingRight");
      }
    }

    const next: number[] = [];
    for (const k of frontier) {
      const split = best.get(k);
      if (split === undefined) continue;
      const child = (G: number, H: number): number => {
        tree.feature.push(-1);
        tree.threshold.push(0);
        tree.defaultLeft.push(false);
        tree.left.push(-1);
        tree.right.push(-1);
        tree.value.push(0);
        sumG.push(G);
        sumH.push(H);
        count.push(0);
        return tree.feature.length - 1;
      };
      tree.feature[k] = split.feature;
      tree.threshold[k] = split.threshold;
      tree.defaultLeft[k] = split.defaultLeft;
      tree.left[k] = child(...split.left);
      tree.right[k] = child(...split.right);
      next.push(tree.left[k]!, tree.right[k]!);
    }
    for (const i of sample) {
      const k = position[i]!;
      if (tree.feature[k]! < 0) continue;
      const v = rows[i]![tree.feature[k]!]!;
      const goLeft = Number.isNaN(v) ? tree.defaultLeft[k]! : v < tree.threshold[k]!;
      position[i] = goLeft ? tree.left[k]! : tree.right[k]!;
      count[position[i]!]!++;
    }
    frontier = next;
  }

  for (let k = 0; k < tree.feature.length; k++) {
    if (tree.feature[k]! < 0) tree.value[k] = weight(sumG[k]!, sumH[k]!) * p.eta;
  }
  return tree;
}
