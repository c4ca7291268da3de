/** Dates and hours as the county's clocks show them, whatever zone the server runs in. */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
		formats.set(timeZone, format);
	}
	return format;
}

function parts(ms: number, timeZone: string): Record<string, string> {
	return Object.fromEntries(formatFor(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** YYYY-MM-DD in the zone. */
export function localDate(ms: number, timeZone: string): string {
	const p = parts(ms, timeZone);
	return `${p.year}-${p.month}-${p.day}`;
}

/** The hour, 0–23, in the zone. */
export function localHour(ms: number, timeZone: string): number {
	return Number(parts(ms, timeZone).hour);
}

/** A calendar date plus whole days (calendar arithmetic, so no zone is involved). */
export function addDays(isoDate: string, days: number): string {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
