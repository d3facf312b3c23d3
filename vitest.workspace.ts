import { fileURLToPath } from "node:url";

// vitest 4 no longer reads this file on its own (workspace files gave way to `test.projects`,
// https://vitest.dev/guide/projects): vitest.config.ts imports `projects` from here. Roots are
// absolute so vitest works from any cwd.
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export const projects = ["transport", "emulator", "operators"].map((name) => ({
  extends: true as const,
  test: { name, root: here(`./packages/${name}`) },
}));
