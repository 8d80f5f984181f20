import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** An opaque random identifier (120 bits), safe in URLs and telling nothing about the person. */
export function newId(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(15));
}
