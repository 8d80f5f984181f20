import type { SignedInAccount } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in account, without its password hash. */
			account: SignedInAccount | null;
			session: Session | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
