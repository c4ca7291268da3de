import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is rendered in the browser from the local replica,
		// so one prerendered fallback page serves all deep links (also offline, via the precache).
		adapter: adapter({ fallback: 'index.html' }),
		typescript: {
			// The server, provisioning and tests are type-checked with the app.
			config: (config) => {
				config.include.push('../couchdb/**/*.ts', '../couchdb/**/*.d.ts', '../tests/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};
