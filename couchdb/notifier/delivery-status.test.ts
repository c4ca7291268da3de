import { describe, expect, it } from 'vitest';
import { testDirectory } from '../../src/lib/domain/notifications/test-county';
import { deliveryStatus } from './delivery-status';
import { emptyMemory } from './notifier-store';

function memory() {
	const m = emptyMemory();
	m.bounced['hanne@hamar.example'] = { at: 1, reason: '550 no such user' };
	m.unsubscribed['post@os.example'] = { at: 2 };
	m.bounced['stranger@elsewhere.example'] = { at: 3, reason: '550' };
	return m;
}

describe('what the notifier tells a library about its addresses', () => {
	it('shows a library its own people’s bounced addresses, and nothing of other libraries', () => {
		expect(deliveryStatus(memory(), testDirectory(), ['librarian', 'library:hamar'])).toEqual([
			{ address: 'hanne@hamar.example', library: 'hamar', person: 'person:hanne', bounced: { at: 1, reason: '550 no such user' } }
		]);
		expect(deliveryStatus(memory(), testDirectory(), ['librarian', 'library:tolga'])).toEqual([]);
	});

	it('shows a shared address that unsubscribed, and the county every library’s, never an address outside the directory', () => {
		expect(deliveryStatus(memory(), testDirectory(), ['librarian', 'library:os'])).toEqual([{ address: 'post@os.example', library: 'os', unsubscribed: { at: 2 } }]);
		expect(deliveryStatus(memory(), testDirectory(), ['librarian', 'county', 'library:fylkesbiblioteket']).map((s) => s.address).sort()).toEqual(['hanne@hamar.example', 'post@os.example']);
		expect(deliveryStatus(memory(), testDirectory(), [])).toEqual([]);
	});

	it('matches an address whatever its case', () => {
		const directory = testDirectory();
		directory.people = directory.people.map((p) => (p._id === 'person:hanne' ? { ...p, email: 'Hanne@Hamar.example' } : p));
		expect(deliveryStatus(memory(), directory, ['library:hamar'])[0]!.address).toBe('Hanne@Hamar.example');
	});
});
