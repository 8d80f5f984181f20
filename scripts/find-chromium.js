// Finds the Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
// Playwright's own browser download cannot work here, so we never fall back to it.
import fs from 'node:fs';

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
	return candidates.find((p) => fs.existsSync(p));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const found = chromiumPath();
	if (!found) {
		console.error(
			'Chromium was not found (CHROMIUM_PATH unset and /usr/bin/chromium missing).\n' +
				'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
				'or set CHROMIUM_PATH to a Chromium binary.'
		);
		process.exit(1);
	}
	console.log(`Chromium: ${found}`);
}
