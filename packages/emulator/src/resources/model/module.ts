import type { ResourceModuleFactory } from "../resource-module.js";

/** models: not emulated yet. */
export const modelModule: ResourceModuleFactory = () => ({ operations: {}, dump: () => [] });
