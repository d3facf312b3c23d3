import type { ResourceModuleFactory } from "../resource-module.js";

/** tuning jobs: not emulated yet. */
export const tuningJobModule: ResourceModuleFactory = () => ({ operations: {}, dump: () => [] });
