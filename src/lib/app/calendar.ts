/** An agreed exchange as a calendar event (.ics), made by the `ics` library. */
import { createEvent, type EventAttributes } from 'ics';
import type { Exchange } from '$lib/domain/state';

function dayParts(iso: string): [number, number, number] {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return [y, m, d];
}

function dayAfter(iso: string): [number, number, number] {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 1);
	return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

export function exchangeEvent(exchange: Exchange, title: string, description: string, location: string): string {
	if (!exchange.dates) throw new Error('An exchange without dates has no calendar event');
	const event: EventAttributes = {
		uid: `${exchange.id}@byttebank`,
		start: dayParts(exchange.dates.from),
		end: dayAfter(exchange.dates.to),
		title,
		description,
		location,
		status: 'CONFIRMED',
		productId: 'byttebank'
	};
	const { error, value } = createEvent(event);
	if (error || !value) throw error ?? new Error('Could not make the calendar event');
	return value;
}

export function download(filename: string, content: string, type: string): void {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const link = Object.assign(document.createElement('a'), { href: url, download: filename });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
