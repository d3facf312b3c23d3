import { fileURLToPath } from "node:url";

// vitest 4 no longer reads this file on its own (workspace files gave way to `test.projects`,
// https://vitest.dev/guide/projects): vitest.config.ts imports `projects` from here. Roots are
// absolute so vitest works from any cwd.
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const project = (name: string, root: string) => ({ extends: true as const, test: { name, root: here(root) } });

export const projects = [
  ...["transport", "emulator", "operators"].map((name) => project(name, `./packages/${name}`)),
  // The examples, run as a user runs them (examples/README.md); a private workspace, never published.
  project("examples", "./examples"),
];
