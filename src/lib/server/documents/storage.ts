import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';

/**
 * Document bytes live outside the database, one file each, AES-256-GCM encrypted with a random
 * 96-bit nonce. File layout: "RLS1" | nonce (12) | tag (16) | ciphertext. Files are named by a keyed
 * hash of their content (so equal contents share a file without the name revealing the content),
 * and the plain SHA-256 recorded with the document is verified on every read.
 */
const MAGIC = Buffer.from('RLS1');

export class StorageError extends Error {}

let cachedKey: { dir: string; key: Buffer } | undefined;

/** Loads the key from STORAGE_KEY, else from data/storage.key, creating it (0600) on first start. */
export function loadKey(): { key: Buffer; created: boolean } {
	const cfg = config();
	if (cachedKey && cachedKey.dir === cfg.keyFile) return { key: cachedKey.key, created: false };
	let created = false;
	let key: Buffer;
	if (cfg.storageKey) {
		key = decodeKey(cfg.storageKey);
	} else if (fs.existsSync(cfg.keyFile)) {
		key = decodeKey(fs.readFileSync(cfg.keyFile, 'utf8').trim());
	} else {
		fs.mkdirSync(path.dirname(cfg.keyFile), { recursive: true });
		key = randomBytes(32);
		fs.writeFileSync(cfg.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
		created = true;
	}
	cachedKey = { dir: cfg.keyFile, key };
	return { key, created };
}

function decodeKey(text: string): Buffer {
	const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
	if (key.length !== 32) throw new StorageError('STORAGE_KEY must be 32 bytes (hex or base64)');
	return key;
}

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function blobPath(ref: string): string {
	if (!/^[0-9a-f]{64}$/.test(ref)) throw new StorageError('invalid blob reference');
	return path.join(config().storageDir, ref.slice(0, 2), ref);
}

/**
 * Encrypts and writes the bytes (fsync'd) before any database row names them.
 * Returns the reference to record and the plain SHA-256.
 */
export function put(bytes: Uint8Array): { ref: string; sha256: string; size: number } {
	const { key } = loadKey();
	const sha256 = sha256Hex(bytes);
	const ref = createHmac('sha256', key).update('blob-name:').update(sha256).digest('hex');
	const file = blobPath(ref);
	if (!fs.existsSync(file)) {
		const nonce = randomBytes(12);
		const cipher = createCipheriv('aes-256-gcm', key, nonce);
		cipher.setAAD(Buffer.from(ref));
		const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
		const tag = cipher.getAuthTag();
		fs.mkdirSync(path.dirname(file), { recursive: true });
		const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
		const fd = fs.openSync(tmp, 'wx', 0o600);
		try {
			fs.writeSync(fd, Buffer.concat([MAGIC, nonce, tag, ciphertext]));
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.renameSync(tmp, file);
		const dirFd = fs.openSync(path.dirname(file), 'r');
		try {
			fs.fsyncSync(dirFd);
		} finally {
			fs.closeSync(dirFd);
		}
	}
	return { ref, sha256, size: bytes.byteLength };
}

/** Reads, decrypts and verifies a stored file; throws StorageError on any tampering. */
export function get(ref: string, expectedSha256: string): Buffer {
	const { key } = loadKey();
	let raw: Buffer;
	try {
		raw = fs.readFileSync(blobPath(ref));
	} catch {
		throw new StorageError('stored file missing');
	}
	if (raw.length < 32 || !raw.subarray(0, 4).equals(MAGIC)) throw new StorageError('bad header');
	const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(4, 16));
	decipher.setAAD(Buffer.from(ref));
	decipher.setAuthTag(raw.subarray(16, 32));
	let plain: Buffer;
	try {
		plain = Buffer.concat([decipher.update(raw.subarray(32)), decipher.final()]);
	} catch {
		throw new StorageError('stored file failed authentication');
	}
	if (sha256Hex(plain) !== expectedSha256) throw new StorageError('stored file hash mismatch');
	return plain;
}

/** Removes files no document names (after a crash between file write and commit). */
export function sweepOrphans(referenced: Set<string>): number {
	const root = config().storageDir;
	if (!fs.existsSync(root)) return 0;
	let removed = 0;
	for (const shard of fs.readdirSync(root)) {
		const dir = path.join(root, shard);
		if (!fs.statSync(dir).isDirectory()) continue;
		for (const name of fs.readdirSync(dir)) {
			if (name.endsWith('.tmp') || !referenced.has(name)) {
				fs.rmSync(path.join(dir, name), { force: true });
				removed++;
			}
		}
	}
	return removed;
}
