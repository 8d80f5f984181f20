// Starts the built server for the end-to-end tests on a fresh data directory, in demo mode.
// Everything the server prints is also kept in DATA_DIR/../e2e-server.log, which the tests grep
// for what must never be logged (INS, passwords, tokens, titles).
import fs from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.tmp/e2e-data');
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.DEMO ??= '1';

const logFile = path.join(path.dirname(dataDir), 'e2e-server.log');
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.openSync(logFile, 'w');
for (const stream of [process.stdout, process.stderr]) {
	const write = stream.write.bind(stream);
	stream.write = (chunk, ...rest) => {
		fs.writeSync(log, typeof chunk === 'string' ? chunk : Buffer.from(chunk));
		return write(chunk, ...rest);
	};
}

await import('../build/index.js');
