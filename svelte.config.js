import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is rendered in the browser from the local replica,
		// so one prerendered fallback page serves all deep links (also offline, via the precache).
		// precompress: .br and .gz beside each file, made once at build time, so the server sends
		// brotli to browsers (every one asks for it) and gzip to the rest, small files included.
		adapter: adapter({ fallback: 'index.html', precompress: true }),
		typescript: {
			// The server, provisioning and tests are type-checked with the app.
			config: (config) => {
				config.include.push('../couchdb/**/*.ts', '../couchdb/**/*.d.ts', '../tests/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};
