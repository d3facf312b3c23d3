#!/usr/bin/env node
// A committed shim, so installing the workspace links the binary before anything is built.
import "../dist/cli.js";
