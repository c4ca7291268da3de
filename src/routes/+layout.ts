import { startLocale } from '$lib/i18n';

export const ssr = false;
export const prerender = false;

/** The page's language is loaded before anything renders, so no text flashes in another one. */
export async function load(): Promise<Record<string, never>> {
	await startLocale();
	return {};
}
