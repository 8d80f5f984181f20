import type { Account, Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in account, without its password hash. */
			account: Omit<Account, 'passwordHash'> | null;
			session: Session | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
