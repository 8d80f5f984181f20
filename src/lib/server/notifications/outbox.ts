/**
 * Outgoing emails. Every email is first written to the outbox table (in the caller's
 * transaction, so a rolled-back write sends nothing); a sender then delivers the pending ones
 * through SMTP when SMTP_URL is set, retrying with a growing delay. Without SMTP_URL the rows stay
 * in the table: that is the local outbox, which tests and developers read.
 *
 * Emails never carry health content (see notifications/new-document.ts). Logs name an email by
 * its id only: never its address, subject or text, nor the SMTP URL (it may hold a password).
 */
import { and, asc, eq, gt, gte, inArray, isNull, lt } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { config } from '../config';
import { db as defaultDb, type Db } from '../db';
import { emailOutbox, type EmailOutbox } from '../db/schema';
import * as log from '../log';

export type Email = { to: string; subject: string; text: string };

/** Delay before the first retry; it doubles after each failure, up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** After this many failed attempts (about 1 h 30 in all) an email is left undelivered. */
export const MAX_ATTEMPTS = 12;
/** How often the sender looks for emails due for a retry. */
const POLL_MS = 5_000;
const BATCH = 50;

/** Adds an email to the outbox; returns its id. Delivery happens after the caller's commit. */
export function enqueue(db: Db, email: Email, now: Date): number {
	const row = db
		.insert(emailOutbox)
		.values({ recipient: email.to, subject: email.subject, text: email.text, createdAt: now })
		.returning({ id: emailOutbox.id })
		.get();
	kick();
	return row.id;
}

/** Was the same email (same recipient, same text) queued since `since`? */
export function queuedSince(db: Db, email: Pick<Email, 'to' | 'text'>, since: Date): boolean {
	const row = db
		.select({ id: emailOutbox.id })
		.from(emailOutbox)
		.where(
			and(
				eq(emailOutbox.recipient, email.to),
				eq(emailOutbox.text, email.text),
				gt(emailOutbox.createdAt, since)
			)
		)
		.get();
	return row !== undefined;
}

/**
 * When an email is due for its next attempt: at once for the first, then after 5 s, 10 s, 20 s…
 * (capped at 15 min) counted from its creation, so no extra column is needed.
 */
export function nextAttemptAt(row: Pick<EmailOutbox, 'createdAt' | 'attempts'>): Date {
	let wait = 0;
	for (let i = 0; i < row.attempts; i++) wait += Math.min(BASE_DELAY_MS * 2 ** i, MAX_DELAY_MS);
	return new Date(row.createdAt.getTime() + wait);
}

/** Undelivered emails whose next attempt is due, oldest first (at most BATCH). */
export function due(db: Db, now: Date): EmailOutbox[] {
	// The schedule is computed here, not in SQL: read the few columns of every pending email so
	// that emails waiting for a late retry never hold back those that are due.
	const ids = db
		.select({
			id: emailOutbox.id,
			createdAt: emailOutbox.createdAt,
			attempts: emailOutbox.attempts
		})
		.from(emailOutbox)
		.where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
		.orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
		.all()
		.filter((row) => nextAttemptAt(row).getTime() <= now.getTime())
		.slice(0, BATCH)
		.map((row) => row.id);
	if (ids.length === 0) return [];
	return db
		.select()
		.from(emailOutbox)
		.where(inArray(emailOutbox.id, ids))
		.orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
		.all();
}

/** Sent emails are kept this long (coalescing and checks need recent ones), then deleted. */
export const KEEP_SENT_MS = 7 * 24 * 3600_000;
/** Emails given up on are kept longer, for the operator to look into. */
export const KEEP_FAILED_MS = 30 * 24 * 3600_000;

/** Deletes old sent (and long given-up) emails: the table holds addresses, keep it small. */
export function purge(db: Db, now: Date): number {
	const sent = db
		.delete(emailOutbox)
		.where(lt(emailOutbox.sentAt, new Date(now.getTime() - KEEP_SENT_MS)))
		.run().changes;
	const failed = db
		.delete(emailOutbox)
		.where(
			and(
				isNull(emailOutbox.sentAt),
				gte(emailOutbox.attempts, MAX_ATTEMPTS),
				lt(emailOutbox.createdAt, new Date(now.getTime() - KEEP_FAILED_MS))
			)
		)
		.run().changes;
	return sent + failed;
}

/** What may be kept of a delivery error: its code and SMTP status, never its text (addresses). */
function errorSummary(e: unknown): string {
	const err = e as { code?: unknown; responseCode?: unknown } | null;
	const code =
		typeof err?.code === 'string' && /^[A-Z_]{2,40}$/.test(err.code) ? err.code : 'ERROR';
	const status = typeof err?.responseCode === 'number' ? ` ${err.responseCode}` : '';
	return `${code}${status}`;
}

export type Sender = {
	/** Delivers every email that is due now; resolves with how many were delivered. */
	flush(): Promise<number>;
	/** Asks for a delivery soon (after the current synchronous work, e.g. a transaction). */
	kick(): void;
	/** Stops the timer and closes the SMTP connection. */
	stop(): void;
};

/** A sender delivering the outbox of `db` through the SMTP server at `smtpUrl`. */
export function createSender(
	db: Db,
	options: { smtpUrl: string; from: string; clock?: () => Date; pollMs?: number }
): Sender {
	const transport = nodemailer.createTransport({
		url: options.smtpUrl,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000,
		// Plain text only: nothing may be fetched from files or URLs.
		disableFileAccess: true,
		disableUrlAccess: true
	});
	const clock = options.clock ?? (() => new Date());
	let running: Promise<number> | null = null;
	let again = false;
	let stopped = false;

	async function deliver(row: EmailOutbox): Promise<boolean> {
		try {
			await transport.sendMail({
				from: options.from,
				to: row.recipient,
				subject: row.subject,
				text: row.text,
				headers: { 'Auto-Submitted': 'auto-generated' }
			});
			db.update(emailOutbox)
				.set({ sentAt: clock(), attempts: row.attempts + 1, lastError: null })
				.where(eq(emailOutbox.id, row.id))
				.run();
			log.info(`email ${row.id} sent`);
			return true;
		} catch (e) {
			const attempts = row.attempts + 1;
			const summary = errorSummary(e);
			db.update(emailOutbox)
				.set({ attempts, lastError: summary })
				.where(eq(emailOutbox.id, row.id))
				.run();
			const next =
				attempts >= MAX_ATTEMPTS
					? 'given up'
					: `next attempt in ${Math.round((nextAttemptAt({ createdAt: row.createdAt, attempts }).getTime() - clock().getTime()) / 1000)} s`;
			log.warn(`email ${row.id} not sent (attempt ${attempts}, ${summary}): ${next}`);
			return false;
		}
	}

	let purgedAt = 0;

	async function run(): Promise<number> {
		let sent = 0;
		const started = clock();
		if (started.getTime() - purgedAt > 3600_000) {
			purge(db, started);
			purgedAt = started.getTime();
		}
		do {
			again = false;
			for (const row of due(db, clock())) {
				if (stopped) return sent;
				if (await deliver(row)) sent++;
			}
		} while (again && !stopped);
		return sent;
	}

	/** In the background: a failure (e.g. the database closed at shutdown) is logged, not thrown. */
	function background(): void {
		flush().catch((e: unknown) =>
			log.error(`email sender: ${e instanceof Error ? e.name : 'error'}`)
		);
	}

	function flush(): Promise<number> {
		if (running) {
			again = true;
			return running;
		}
		running = run().finally(() => {
			running = null;
		});
		return running;
	}

	const timer = setInterval(background, options.pollMs ?? POLL_MS);
	timer.unref();

	return {
		flush,
		kick() {
			if (!stopped) setImmediate(background);
		},
		stop() {
			stopped = true;
			clearInterval(timer);
			transport.close();
		}
	};
}

let sender: Sender | null = null;

/**
 * Starts delivering the server's outbox when SMTP_URL is set (called once at start-up); without
 * it, says that emails stay in the local outbox.
 */
export function startSender(db: Db = defaultDb()): void {
	if (sender) return;
	const cfg = config();
	if (!cfg.smtpUrl) {
		log.info('SMTP_URL is not set: emails are kept in the local outbox (table email_outbox).');
		return;
	}
	sender = createSender(db, { smtpUrl: cfg.smtpUrl, from: cfg.mailFrom });
	log.info('Emails are delivered through the SMTP server of SMTP_URL.');
	sender.kick();
}

export function stopSender(): void {
	sender?.stop();
	sender = null;
}

/** Asks the server's sender, when there is one, to deliver soon. */
export function kick(): void {
	sender?.kick();
}
