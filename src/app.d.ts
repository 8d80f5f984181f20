import type { Account, Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			account: Account | null;
			session: Session | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
