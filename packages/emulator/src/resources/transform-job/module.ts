import type { ResourceModuleFactory } from "../resource-module.js";

/** transform jobs: not emulated yet. */
export const transformJobModule: ResourceModuleFactory = () => ({ operations: {}, dump: () => [] });
