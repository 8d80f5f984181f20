/**
 * The HTTP side of the professional API, shared by the routes under src/routes/api/v1: Bearer
 * authentication, body reading with a size cap enforced while streaming (before any parsing),
 * problem responses, and one log line per request (method, route id, status, organisation id —
 * never the body, the key, the URL or an INS).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import type { Organisation } from '../db/schema';
import * as log from '../log';
import * as keys from './keys';
import { ApiProblem, problem, problemResponse } from './problems';

export type ApiContext = { organisation: Organisation };

export function authenticate(request: Request): Organisation {
	const header = request.headers.get('authorization') ?? '';
	const match = /^Bearer[ ]+([\x21-\x7e]{1,200})$/i.exec(header.trim());
	const organisation = match ? keys.verifyKey(db(), match[1]!) : null;
	if (!organisation) throw problem('unauthorized');
	return organisation;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Cache-Control': 'no-store',
			...headers
		}
	});
}

/** The media type of the request, lower case, without parameters. */
export function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads the whole body, refusing (413) as soon as it passes `max` bytes — before any parsing. */
export async function readBody(request: Request, max: number): Promise<Buffer> {
	const declared = request.headers.get('content-length');
	if (declared !== null && Number(declared) > max) {
		throw problem('file-too-large', `The request body is larger than ${max} bytes.`);
	}
	if (!request.body) return Buffer.alloc(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (e) {
			// adapter-node stops the stream past BODY_SIZE_LIMIT with a 413 error.
			if ((e as { status?: number } | null)?.status === 413) {
				throw problem('file-too-large', 'The request body is larger than this server accepts.');
			}
			throw problem('invalid-request', 'The request body could not be read.');
		}
		const { done, value } = chunk;
		if (done) break;
		total += value.byteLength;
		if (total > max) {
			await reader.cancel().catch(() => undefined);
			throw problem('file-too-large', `The request body is larger than ${max} bytes.`);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks, total);
}

/**
 * Runs an API handler: authenticates (unless `auth: false`), turns ApiProblems and unexpected
 * errors into problem responses, and logs the request without its body.
 */
export async function handle(
	event: RequestEvent,
	fn: (ctx: ApiContext) => Response | Promise<Response>,
	options: { auth?: boolean } = {}
): Promise<Response> {
	const started = performance.now();
	let organisation: Organisation | null = null;
	let response: Response;
	try {
		if (options.auth !== false) organisation = authenticate(event.request);
		response = await fn({ organisation: organisation as Organisation });
	} catch (e) {
		if (e instanceof ApiProblem) response = problemResponse(e);
		else {
			log.error(`api ${event.route.id ?? '?'} failed: ${e instanceof Error ? e.name : 'error'}`);
			response = problemResponse(problem('internal-error'));
		}
	}
	log.info(
		`api ${event.request.method} ${event.route.id ?? '(no route)'} ${response.status} org=${organisation?.id ?? '-'} ${(performance.now() - started).toFixed(1)}ms`
	);
	return response;
}
