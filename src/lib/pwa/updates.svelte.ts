/**
 * The service worker's update cycle: a new version waits until the user chooses to reload,
 * never forced in the middle of work. Checks hourly and whenever the app is shown again.
 */
import { registerSW } from 'virtual:pwa-register';

const CHECK_EVERY_MS = 60 * 60 * 1000;

class Updates {
	available = $state(false);
	#update: ((reload?: boolean) => Promise<void>) | undefined;

	start(): void {
		if (!('serviceWorker' in navigator) || this.#update) return;
		this.#update = registerSW({
			immediate: true,
			onNeedRefresh: () => {
				this.available = true;
			},
			onRegisteredSW: (_url, registration) => {
				if (!registration) return;
				const check = () => {
					if (navigator.onLine) void registration.update();
				};
				setInterval(check, CHECK_EVERY_MS);
				document.addEventListener('visibilitychange', () => {
					if (document.visibilityState === 'visible') check();
				});
			}
		});
	}

	#reloading = false;

	async reload(): Promise<void> {
		if (this.#reloading) return;
		this.#reloading = true;
		// workbox-window reloads only when the page was already controlled at registration, so a
		// first visit kept open until the next version would switch workers but keep the old page.
		navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
		const registration = await navigator.serviceWorker.getRegistration();
		// Another tab may already have switched: nothing waits, the page just needs reloading.
		if (!registration?.waiting) return window.location.reload();
		await this.#update?.(true);
	}

	dismiss(): void {
		this.available = false;
	}
}

export const updates = new Updates();
