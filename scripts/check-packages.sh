#!/usr/bin/env bash
# Checks the tarballs we would publish, not the source tree: packs every package with pnpm (run
# `pnpm build` first), then for each tarball
#   - its package.json has no `workspace:` protocol left (npm pack leaks it; pnpm pack rewrites it),
#     and carries engines.node and repository;
#   - it holds README.md and a LICENSE identical to the repository's;
#   - publint finds nothing (warnings count as errors);
#   - @arethetypeswrong/cli finds nothing under its strict profile: node10, node16 (CJS and ESM) and
#     bundler resolution, for every subpath export (node10 reads the subpaths from typesVersions).
# With tarball paths as arguments, checks those instead of packing. Reports every problem of every
# tarball, then exits non-zero if there was any.
set -euo pipefail
cd "$(dirname "$0")/.."

# Under `pnpm check:packages`, reuse the pnpm that runs the script; alone, fetch the pinned one.
if [[ "${npm_execpath:-}" == *pnpm* ]]; then
  pnpm() { node "$npm_execpath" "$@"; }
else
  pnpm() { npx --yes pnpm@10.34.9 "$@"; }
fi
bin=node_modules/.bin

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ $# -gt 0 ]; then
  cp -- "$@" "$out"/ # check these tarballs instead (e.g. one made by `npm pack`, to see the check fail)
else
  for dir in packages/*/; do
    dir=${dir%/}
    if node -e 'process.exit(require(`./${process.argv[1]}/package.json`).private ? 0 : 1)' "$dir"; then
      continue
    fi
    (cd "$dir" && pnpm pack --pack-destination "$out" >/dev/null)
  done
fi

status=0
for tarball in "$out"/*.tgz; do
  name=$(basename "$tarball")
  echo "--- $name"
  problems=()

  manifest=$(tar -xzOf "$tarball" package/package.json)
  while IFS= read -r line; do
    [ -n "$line" ] && problems+=("$line")
  done < <(node -e '
    const pkg = JSON.parse(process.argv[1]);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"])
      for (const [dep, range] of Object.entries(pkg[field] ?? {}))
        if (String(range).startsWith("workspace:")) console.log(`${field}.${dep} is "${range}" (packed with npm?)`);
    if (!pkg.engines?.node) console.log("no engines.node");
    if (!pkg.repository?.url) console.log("no repository.url");
  ' "$manifest")

  files=$(tar -tzf "$tarball")
  grep -qx 'package/README.md' <<<"$files" || problems+=("no README.md")
  if grep -qx 'package/LICENSE' <<<"$files"; then
    tar -xzOf "$tarball" package/LICENSE | cmp -s - LICENSE || problems+=("LICENSE differs from the repository's")
  else
    problems+=("no LICENSE")
  fi

  "$bin/publint" run "$tarball" --strict >"$out/publint.log" 2>&1 || {
    cat "$out/publint.log"
    problems+=("publint")
  }
  "$bin/attw" "$tarball" --profile strict --format table-flipped --no-emoji --no-color >"$out/attw.log" 2>&1 || {
    cat "$out/attw.log"
    problems+=("attw")
  }

  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok: manifest, README.md, LICENSE, publint, attw"
  else
    printf 'FAIL: %s\n' "${problems[@]}"
    status=1
  fi
done
exit "$status"
