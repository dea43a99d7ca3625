#!/usr/bin/env node
// The `sinergi` command: runs the TypeScript CLI through tsx, no build step needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
