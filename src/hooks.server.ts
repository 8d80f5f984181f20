import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import * as session from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { close as closeDb, db } from '$lib/server/db';
import * as log from '$lib/server/log';
import * as outbox from '$lib/server/notifications/outbox';
import { startup } from '$lib/server/startup';

export const init: ServerInit = () => {
	startup();
	// adapter-node drains in-flight requests on SIGTERM/SIGINT, then emits this: close the database
	// cleanly (checkpoints the WAL) before the process exits.
	process.once('sveltekit:shutdown' as 'exit', () => {
		outbox.stopSender();
		closeDb();
		log.info('Database closed; shutting down.');
	});
};

/** Headers every response carries; the CSP itself comes from kit.csp (svelte.config.js). */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	// same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on plain form posts,
	// which the CSRF check must refuse. Other sites never see our URLs either way.
	h.set('Referrer-Policy', 'same-origin');
	if (!h.has('X-Frame-Options')) h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(self), geolocation=(), microphone=(), interest-cohort=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (config().origin?.startsWith('https:')) {
		h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	}
	if (event.locals.account && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
	return response;
};

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF (ASVS 4.2.2): a state-changing request carrying a form body must come from our own origin.
 * Compared with ORIGIN when set, else with the Host header, so it holds with or without a proxy.
 */
const csrf: Handle = async ({ event, resolve }) => {
	const { request } = event;
	// The professional API authenticates with Bearer keys only (no cookie): nothing to forge there.
	if (event.url.pathname.startsWith('/api/')) return resolve(event);
	if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
		const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
		if (type === '' || formTypes.includes(type ?? '')) {
			const origin = request.headers.get('origin');
			const publicOrigin = config().origin;
			const expected = publicOrigin ? new URL(publicOrigin).host : request.headers.get('host');
			let host: string | null = null;
			try {
				host = origin ? new URL(origin).host : null;
			} catch {
				host = null;
			}
			if (!host || host !== expected) {
				return new Response('Requête refusée : origine non autorisée.', {
					status: 403,
					headers: { 'Content-Type': 'text/plain; charset=utf-8' }
				});
			}
		}
	}
	return resolve(event);
};

const auth: Handle = async ({ event, resolve }) => {
	event.locals.account = null;
	event.locals.session = null;
	const token = event.cookies.get(session.SESSION_COOKIE);
	if (token) {
		const result = session.validateSessionToken(db(), token, new Date());
		if (result.session) {
			event.locals.account = result.account;
			event.locals.session = result.session;
			// The cookie expires at the session's deadline, which only moves when lastSeenAt is
			// written (at most once a minute): in between, the browser already holds this cookie.
			if (result.extended) session.setSessionCookie(event.cookies, token, result.session);
		} else {
			session.deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/** Pages of the (app) group need a signed-in account; each load asks again (layouts are no guard). */
const guard: Handle = async ({ event, resolve }) => {
	if (event.route.id?.startsWith('/(app)') && !event.locals.account) {
		redirect(303, '/connexion');
	}
	return resolve(event);
};

const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	const elapsed = performance.now() - started;
	if (config().serverTiming) response.headers.set('Server-Timing', `app;dur=${elapsed.toFixed(1)}`);
	// The API logs its own requests (with the organisation id) in api/http.ts.
	if (config().logRequests && !event.url.pathname.startsWith('/api/')) {
		// The route id, never the URL: URLs carry opaque ids only, but the route is enough.
		log.info(
			`${event.request.method} ${event.route.id ?? '(no route)'} ${response.status} ${elapsed.toFixed(1)}ms`
		);
	}
	return response;
};

export const handle = sequence(requestLog, securityHeaders, csrf, auth, guard);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404)
		log.error(`unhandled ${status}: ${error instanceof Error ? error.name : 'error'}`);
	return { message: status === 404 ? 'Page introuvable' : 'Une erreur est survenue.' };
};
