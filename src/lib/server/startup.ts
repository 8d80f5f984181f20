import { isNotNull } from 'drizzle-orm';
import { seedDemoKeys } from './api/keys';
import { configureThrottle } from './auth/rate-limit';
import { config } from './config';
import { db } from './db';
import { documents } from './db/schema';
import { DEMO_PASSWORD, demoSignIns, seedDemo } from './demo/seed';
import * as bin from './documents/bin';
import * as search from './documents/search';
import * as storage from './documents/storage';
import * as outbox from './notifications/outbox';
import * as log from './log';

let started = false;

/**
 * Runs once before the server takes requests: migrate the database, make sure the storage key
 * exists, sweep files left by an interrupted write, and load the demo personas when asked.
 */
export function startup(): void {
	if (started) return;
	started = true;
	const cfg = config();
	if (cfg.signInIpCapacity && cfg.signInIpCapacity > 0) {
		configureThrottle({ ipCapacity: cfg.signInIpCapacity });
	}
	const database = db();
	const { created } = storage.loadKey();
	if (created) {
		log.warn(
			`A new document encryption key was created at ${cfg.keyFile} (mode 0600). ` +
				'Back it up now and keep it apart from the database: without it, documents cannot be read.'
		);
	}
	const referenced = new Set(
		database
			.select({ ref: documents.blobRef })
			.from(documents)
			.where(isNotNull(documents.blobRef))
			.all()
			.map((r) => r.ref)
	);
	const swept = storage.sweepOrphans(referenced);
	if (swept > 0) log.info(`Removed ${swept} orphan file(s) from the document store.`);
	// Documents past their 30 days in the bin are purged now, then every hour.
	bin.schedulePurge(database);
	if (cfg.demo) {
		const seeded = seedDemo(database);
		seedDemoKeys(database);
		if (seeded.accounts > 0) {
			log.info(
				`Demo data loaded: ${seeded.accounts} accounts, ${seeded.persons} persons, ${seeded.documents} documents.`
			);
		}
		log.info(
			`Demo mode (DEMO=0 turns it off). Sign in with any of these accounts, password "${DEMO_PASSWORD}":\n` +
				demoSignIns()
					.map((email) => `  ${email}`)
					.join('\n')
		);
	}
	// Documents whose text was never indexed (a stop during extraction) are queued again.
	search.catchUp(database);
	// Emails waiting in the outbox are sent through SMTP_URL when it is set.
	outbox.startSender(database);
}
