/** What the browser says about this device's storage: how much is used, and whether it lasts. */
export class StorageInfo {
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	persistent = $state<boolean | null>(null);

	async refresh(): Promise<void> {
		if (!navigator.storage) return;
		const estimate = await navigator.storage.estimate?.();
		this.usage = estimate?.usage ?? null;
		this.quota = estimate?.quota ?? null;
		this.persistent = (await navigator.storage.persisted?.()) ?? null;
	}

	async ask(): Promise<void> {
		this.persistent = (await navigator.storage?.persist?.()) ?? false;
	}
}

export function formatBytes(bytes: number, locale = 'nb'): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
