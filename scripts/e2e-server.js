// Starts the built server for the end-to-end tests on a fresh data directory, in demo mode.
import fs from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.tmp/e2e-data');
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.DEMO ??= '1';
await import('../build/index.js');
