import { readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { manifest } from './src/lib/pwa/manifest.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
	define: { __APP_VERSION__: JSON.stringify(pkg.version) },
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			// The app registers the worker itself (src/lib/pwa/updates.svelte.ts) so that a new
			// version is announced, never forced in the middle of someone's work.
			injectRegister: false,
			registerType: 'prompt',
			// SvelteKit's relative paths made the worker register as `./sw.js` with scope `./`, so a
			// page first loaded at /requests/<id> asked for /requests/sw.js (404) and, its own scope
			// failing, stayed without offline support. The app lives at the origin's root.
			base: '/',
			scope: '/',
			manifest,
			kit: { adapterFallback: 'index.html', spa: true },
			workbox: {
				globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json}'],
				navigateFallback: '/index.html',
				// The database lives under /db and the notifier under /notify (its unsubscribe page is
				// opened from e-mails): neither may be answered with the app's shell.
				navigateFallbackDenylist: [/^\/db/, /^\/notify/],
				clientsClaim: true,
				// Web Push: show what the notifier sends, and open its page on a click.
				importScripts: ['/push-handler.js']
			}
		})
	],
	test: {
		setupFiles: ['tests/setup-node.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'couchdb/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/corpus/**/*.test.ts'] }
			},
			{
				// One Apache CouchDB serves every file and each file wipes it first: one file at a
				// time, after the rest (tests/apache/couchdb-env.ts names the server).
				extends: true,
				test: {
					name: 'apache',
					include: ['tests/apache/**/*.test.ts'],
					fileParallelism: false,
					sequence: { groupOrder: 1 },
					testTimeout: 120_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
