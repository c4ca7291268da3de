// Byttebank's Web Push handlers, imported into the generated service worker (vite.config.ts,
// workbox.importScripts). Plain JavaScript: it is copied as it is, not bundled.
// The notifier sends { title, body, url, tag } (couchdb/notifier/pusher.ts).
self.addEventListener('push', (event) => {
	let data = {};
	try {
		data = event.data ? event.data.json() : {};
	} catch {
		data = { title: event.data ? event.data.text() : '' };
	}
	event.waitUntil(
		self.registration.showNotification(data.title || 'Byttebank', {
			body: data.body || '',
			// The same thing told again replaces its notification instead of stacking.
			tag: data.tag || undefined,
			data: { url: data.url || '/' },
			icon: '/icons/icon-192.png',
			badge: '/icons/icon-192.png',
			lang: 'nb'
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const wanted = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
	// Only pages of this app: a payload naming another site opens the overview instead.
	const url = wanted.origin === self.location.origin ? wanted.href : new URL('/', self.location.origin).href;
	event.waitUntil(
		(async () => {
			const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
			for (const client of windows) {
				if ('navigate' in client) {
					const shown = (await client.navigate(url).catch(() => null)) || client;
					// Focusing needs the click's own user activation; without it the page still changed.
					await shown.focus().catch(() => undefined);
					return;
				}
			}
			await self.clients.openWindow(url);
		})()
	);
});
