import { describe, expect, it } from 'vitest';
import { roadKm, straightLineKm, travelMinutes } from './geo';

describe('distances between libraries', () => {
	it('measures Hamar to Elverum as about 30 km in a straight line', () => {
		const km = straightLineKm({ lat: 60.795, lon: 11.068 }, { lat: 60.882, lon: 11.562 });
		expect(km).toBeGreaterThan(26);
		expect(km).toBeLessThan(30);
	});

	it('estimates road distance above the straight line, and zero for the same place', () => {
		const a = { lat: 62.41, lon: 11.0 };
		const b = { lat: 59.98, lon: 12.118 };
		expect(roadKm(a, b)).toBeGreaterThan(straightLineKm(a, b));
		expect(roadKm(a, a)).toBe(0);
	});

	it('estimates travel time in five-minute steps, never below five minutes', () => {
		expect(travelMinutes(0)).toBe(5);
		expect(travelMinutes(70)).toBe(60);
		expect(travelMinutes(100)).toBe(85);
	});
});
