import { describe, expect, it } from 'vitest';
import { colleagueWaitingNotices } from './colleague-waiting';
import { contextOf, osloNoon } from './test-county';

const nora = { name: 'nora.nyansatt', fullName: 'Nora Nyansatt', email: 'nora@example.no', library: 'hamar', asked: '2026-03-01T09:00:00.000Z' };

describe('a colleague waiting for approval', () => {
	it('tells every person at the library she asked to join, once per applicant, linking to where they approve', () => {
		const notices = colleagueWaitingNotices({ ...contextOf([], osloNoon('2026-03-01')), applicants: [nora] });
		expect(notices.map((n) => n.to.address).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'hege@hamar.example']);
		expect(notices[0]).toMatchObject({ kind: 'colleague-waiting', urgency: 'normal', link: '/libraries/hamar', params: { applicant: 'Nora Nyansatt', library: 'Hamar bibliotek' } });
		expect(new Set(notices.map((n) => n.key)).size).toBe(3);
	});

	it('goes to the shared address of a library that has one, and says nothing once nobody waits or of an unknown library', () => {
		const context = contextOf([], osloNoon('2026-03-01'));
		expect(colleagueWaitingNotices({ ...context, applicants: [{ ...nora, library: 'os' }] }).map((n) => n.to.address)).toEqual(['post@os.example']);
		expect(colleagueWaitingNotices(context)).toEqual([]);
		expect(colleagueWaitingNotices({ ...context, applicants: [{ ...nora, library: 'atlantis' }] })).toEqual([]);
	});
});
