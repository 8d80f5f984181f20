import type { RequestHandler } from './$types';
import { openapi } from '$lib/server/api/openapi';

/** The OpenAPI 3.1 document of the professional API (public: no key needed). */
export const GET: RequestHandler = () =>
	new Response(JSON.stringify(openapi, null, 2), {
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }
	});
