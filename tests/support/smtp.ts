/**
 * A real SMTP server on loopback for the tests (smtp-server), keeping every message it receives,
 * with just enough MIME decoding to read a plain-text email: RFC 2047 encoded words in headers,
 * quoted-printable or base64 bodies.
 */
import { SMTPServer } from 'smtp-server';

export type ReceivedEmail = {
	envelopeFrom: string;
	envelopeTo: string[];
	headers: Record<string, string>;
	subject: string;
	text: string;
	raw: string;
};

export type LoopbackSmtp = {
	port: number;
	url: string;
	received: ReceivedEmail[];
	/** Resolves once a message matching `predicate` has arrived (or rejects after `timeoutMs`). */
	waitFor(predicate: (m: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
	close(): Promise<void>;
};

function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(
			/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
			(_, _charset: string, enc: string, data: string) => {
				if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
				const bytes = data
					.replace(/_/g, ' ')
					.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => `%${hex}`);
				try {
					return decodeURIComponent(bytes);
				} catch {
					return bytes;
				}
			}
		);
}

function decodeQuotedPrintable(body: string): string {
	const soft = body.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < soft.length; i++) {
		const c = soft[i]!;
		if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
			bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(c, 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

export function parseEmail(raw: string): Omit<ReceivedEmail, 'envelopeFrom' | 'envelopeTo'> {
	const split = raw.indexOf('\r\n\r\n');
	const head = split >= 0 ? raw.slice(0, split) : raw;
	const body = split >= 0 ? raw.slice(split + 4) : '';
	const headers: Record<string, string> = {};
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) {
			headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(
				line.slice(colon + 1).trim()
			);
		}
	}
	const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
				: body;
	return { headers, subject: headers['subject'] ?? '', text: text.replace(/\r\n/g, '\n'), raw };
}

/** Starts the server on 127.0.0.1 (port 0: any free port). No TLS, no authentication. */
export async function startLoopbackSmtp(port = 0): Promise<LoopbackSmtp> {
	const received: ReceivedEmail[] = [];
	const waiters = new Set<() => void>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				received.push({
					envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					envelopeTo: session.envelope.rcptTo.map((r) => r.address),
					...parseEmail(raw)
				});
				for (const wake of waiters) wake();
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const address = server.server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	return {
		port: actual,
		url: `smtp://127.0.0.1:${actual}`,
		received,
		waitFor(predicate, timeoutMs = 15_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = received.find(predicate);
					if (found) {
						waiters.delete(check);
						clearTimeout(timer);
						resolve(found);
					}
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`no matching email within ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
