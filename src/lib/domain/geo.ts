/** Distances between libraries, for travel estimates (not navigation). */

export interface Coordinates {
	lat: number;
	lon: number;
}

const EARTH_RADIUS_KM = 6371;
/** Roads wind: straight-line distance times this is a fair estimate of road distance here. */
export const ROAD_FACTOR = 1.3;
/** Average speed on the county's roads, km/h, for a travel-time estimate. */
export const AVERAGE_SPEED_KMH = 70;

export function straightLineKm(a: Coordinates, b: Coordinates): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated road distance in whole km. */
export function roadKm(a: Coordinates, b: Coordinates): number {
	return Math.round(straightLineKm(a, b) * ROAD_FACTOR);
}

/** Estimated one-way travel time in minutes, rounded to 5. */
export function travelMinutes(km: number): number {
	return Math.max(5, Math.round(((km / AVERAGE_SPEED_KMH) * 60) / 5) * 5);
}
