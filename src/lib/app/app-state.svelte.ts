/**
 * The app's top-level state: which user is logged in on this device (restored from the last
 * session, so the app opens offline) and their open bank session.
 */
import { DeviceStore, type LastSession } from '$lib/store/device';
import { currentSession, libraryOf, login, logout, type LoginOutcome } from '$lib/sync/session';
import type { BankSession } from './bank-session.svelte';

export type LoginResult = LoginOutcome | { ok: false; reason: 'no-library' };

class AppState {
	ready = $state(false);
	session = $state<BankSession | null>(null);
	#device: DeviceStore | undefined;

	get device(): DeviceStore {
		this.#device ??= new DeviceStore();
		return this.#device;
	}

	/** Restores the last session without the network; the server is asked only if reachable. */
	async restore(): Promise<void> {
		if (this.ready) return;
		const last = await this.device.lastSession();
		if (last) {
			const server = navigator.onLine ? await currentSession() : undefined;
			// A server that answers "nobody" means the cookie expired: keep the data, ask to log in.
			if (server && server.name === null) await this.#open(last, true);
			else await this.#open(last, false);
		}
		this.ready = true;
	}

	async login(name: string, password: string): Promise<LoginResult> {
		const outcome = await login(name, password);
		if (!outcome.ok) return outcome;
		const library = libraryOf(outcome.user.roles);
		if (!library || !outcome.user.name) return { ok: false, reason: 'no-library' };
		const user: LastSession = { name: outcome.user.name, roles: outcome.user.roles, library, county: outcome.user.roles.includes('county'), at: Date.now() };
		await this.device.saveSession(user);
		if (this.session?.user.name === user.name) this.session.resume();
		else {
			await this.session?.close(false);
			await this.#open(user, false);
		}
		return outcome;
	}

	async #open(user: LastSession, expired: boolean): Promise<void> {
		// Loaded only for someone logged in: the login page does without the fold, the read model
		// and sync (the login page's JavaScript budget is 120 kB).
		const { BankSession } = await import('./bank-session.svelte');
		const session = new BankSession(user, this.device);
		await session.open();
		if (expired) session.sync.state = 'unauthorized';
		this.session = session;
	}

	async logout(erase: boolean): Promise<void> {
		await logout();
		await this.session?.close(erase);
		this.session = null;
		await this.device.saveSession(undefined);
	}
}

export const app = new AppState();
