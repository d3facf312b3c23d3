import type { ResourceModuleFactory } from "../resource-module.js";

/** processing jobs: not emulated yet. */
export const processingJobModule: ResourceModuleFactory = () => ({ operations: {}, dump: () => [] });
