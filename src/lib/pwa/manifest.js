/** The web app manifest: what makes Byttebank installable on phones and tablets. */
/** @type {Partial<import('vite-plugin-pwa').ManifestOptions>} */
export const manifest = {
	id: '/',
	name: 'Byttebank – dagsbytte mellom bibliotek',
	short_name: 'Byttebank',
	description: 'Bibliotekene låner hverandre en arbeidsdag og får den tilbake.',
	lang: 'nb',
	start_url: '/',
	scope: '/',
	display: 'standalone',
	orientation: 'any',
	theme_color: '#1f4e5f',
	background_color: '#f6f4ef',
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
	]
};
