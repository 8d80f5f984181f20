import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/find-chromium.js';

const port = Number(process.env.E2E_PORT ?? 4173);
/** The notifications test listens for the server's emails on this loopback port. */
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1000);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumPath(),
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://localhost:${port}/connexion`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			DATA_DIR: '.tmp/e2e-data',
			DEMO: '1',
			LOG_REQUESTS: '1',
			// Every test signs in from 127.0.0.1: the per-IP bucket is covered by the unit tests.
			SIGNIN_IP_CAPACITY: '1000',
			// API pushes carry files up to 20 MiB (base64 in JSON, CDA, XDM zip).
			BODY_SIZE_LIMIT: '30M',
			SMTP_URL: `smtp://127.0.0.1:${smtpPort}`
		}
	}
});
