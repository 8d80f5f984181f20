import { CdaError } from '$lib/server/documents/cda';

/** The CdaError `fn` throws (any other error is thrown again; none fails the test). */
export function caught(fn: () => unknown): CdaError {
	try {
		fn();
	} catch (e) {
		if (e instanceof CdaError) return e;
		throw e;
	}
	throw new Error('expected a CdaError');
}
