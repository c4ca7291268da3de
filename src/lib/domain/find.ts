/**
 * "Who offers what": filtering the board of open offers or requests by skill, distance from
 * my library and dates, nearest first, with distance and travel time for each.
 */
import { datesOverlap } from './matching';
import { datesHavePassed } from './past-dates';
import { roadKm, travelMinutes, type Coordinates } from './geo';
import type { DateWindow } from './transactions';

export interface BoardItem {
	id: string;
	library: string;
	skills: string[];
	dates: DateWindow[];
}

export interface BoardFilter {
	skill?: string;
	maxKm?: number;
	/** Show only items available in this window (undated items always are). */
	window?: DateWindow;
	/** Leave out my own library's items. */
	excludeLibrary?: string;
	/** Leave out items whose dates have all passed by this local day (past-dates.ts). */
	today?: string;
}

export interface Found<T> {
	item: T;
	km: number;
	minutes: number;
}

export function findOnBoard<T extends BoardItem>(items: T[], filter: BoardFilter, from: Coordinates | undefined, places: Map<string, Coordinates>): Found<T>[] {
	const out: Found<T>[] = [];
	for (const item of items) {
		if (filter.excludeLibrary && item.library === filter.excludeLibrary) continue;
		if (filter.skill && !item.skills.includes(filter.skill)) continue;
		if (filter.window && !datesOverlap(item.dates, [filter.window])) continue;
		if (filter.today && datesHavePassed(item.dates, filter.today)) continue;
		const place = places.get(item.library);
		const km = from && place ? roadKm(from, place) : 0;
		if (filter.maxKm !== undefined && km > filter.maxKm) continue;
		out.push({ item, km, minutes: travelMinutes(km) });
	}
	return out.sort((a, b) => a.km - b.km || (a.item.id < b.item.id ? -1 : 1));
}
