#!/usr/bin/env node
// The `sagerun-emulator` program, and the only module that runs the CLI on import: it passes this
// process's arguments to `main` and exits with its code (0 after SIGINT or SIGTERM). A committed
// shim, so installing links the binary before anything is built. It loads the CLI by the package's
// own name, which node resolves through package.json "exports": to dist/cli.js once built, or to
// src/cli.ts under `node --conditions=@sagerun/source --import tsx` (the workspace's `pnpm emulator`).
import { main } from "@sagerun/emulator/cli";

process.exitCode = await main(process.argv.slice(2));
