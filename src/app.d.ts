// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** package.json version, set by Vite at build time. */
	const __APP_VERSION__: string;
}

export {};
