/**
 * Asks the notifier, online, which of this library's addresses bounced or unsubscribed
 * (`/notify/status` on the app's own origin, answered for the logged-in session only). Null
 * when it cannot be asked: offline, or no notifier runs beside this server. It is not part of
 * the replica: it is the notifier's knowledge, not the county's data.
 */
import type { AddressStatus } from '$lib/domain/notifications/address-status';

export const STATUS_PATH = '/notify/status';

export async function addressStatuses(get: typeof fetch = fetch): Promise<AddressStatus[] | null> {
	try {
		const response = await get(STATUS_PATH, { credentials: 'same-origin', headers: { accept: 'application/json' } });
		if (!response.ok) return null;
		const body = (await response.json()) as { addresses?: unknown };
		return Array.isArray(body.addresses) ? (body.addresses as AddressStatus[]) : null;
	} catch {
		return null;
	}
}

/** The status of one address, whatever its case. */
export function statusOf(statuses: readonly AddressStatus[] | null, address: string | undefined): AddressStatus | undefined {
	if (!statuses || !address) return undefined;
	const wanted = address.toLowerCase();
	return statuses.find((s) => s.address.toLowerCase() === wanted);
}
