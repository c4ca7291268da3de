import { describe, expect, it } from 'vitest';
import { findOnBoard, type BoardItem } from './find';

const places = new Map([
	['tolga', { lat: 62.41, lon: 11.0 }],
	['os', { lat: 62.497, lon: 11.223 }],
	['eidskog', { lat: 59.98, lon: 12.118 }]
]);
const item = (id: string, library: string, skills: string[], dates: BoardItem['dates'] = []): BoardItem => ({ id, library, skills, dates });
const board = [
	item('a', 'eidskog', ['cataloguing']),
	item('b', 'os', ['cataloguing', 'weeding'], [{ from: '2026-03-01', to: '2026-03-10' }]),
	item('c', 'tolga', ['weeding'])
];

describe('finding on the board', () => {
	it('lists nearest first, with km and travel time', () => {
		const found = findOnBoard(board, {}, places.get('tolga'), places);
		expect(found.map((f) => f.item.id)).toEqual(['c', 'b', 'a']);
		expect(found[1]!.km).toBeGreaterThan(10);
		expect(found[2]!.minutes).toBeGreaterThan(found[1]!.minutes);
	});

	it('filters by skill, distance, dates and leaves out my own library', () => {
		const from = places.get('tolga');
		expect(findOnBoard(board, { skill: 'weeding' }, from, places).map((f) => f.item.id)).toEqual(['c', 'b']);
		expect(findOnBoard(board, { maxKm: 100 }, from, places).map((f) => f.item.id)).toEqual(['c', 'b']);
		expect(findOnBoard(board, { window: { from: '2026-04-01', to: '2026-04-02' } }, from, places).map((f) => f.item.id)).toEqual(['c', 'a']);
		expect(findOnBoard(board, { excludeLibrary: 'tolga' }, from, places).map((f) => f.item.id)).toEqual(['b', 'a']);
	});

	it('leaves out what can no longer be taken up: every date passed (undated items stay)', () => {
		const from = places.get('tolga');
		expect(findOnBoard(board, { today: '2026-03-10' }, from, places).map((f) => f.item.id)).toEqual(['c', 'b', 'a']);
		expect(findOnBoard(board, { today: '2026-03-11' }, from, places).map((f) => f.item.id)).toEqual(['c', 'a']);
	});
});
