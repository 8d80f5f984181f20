/**
 * The server's log. Lines carry ids, routes and statuses only: never a token, a password, an INS,
 * a name or any health content (quality.md, "Logs").
 */
function line(level: string, message: string): string {
	return `${new Date().toISOString()} ${level} ${message}`;
}

export function info(message: string): void {
	console.log(line('info', message));
}

export function warn(message: string): void {
	console.warn(line('warn', message));
}

export function error(message: string): void {
	console.error(line('error', message));
}
