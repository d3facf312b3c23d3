import type { ResourceModuleFactory } from "../resource-module.js";

/** endpoints: not emulated yet. */
export const endpointModule: ResourceModuleFactory = () => ({ operations: {}, dump: () => [] });
