import { afterEach, describe, expect, it } from 'vitest';
import { ReadModel, type LibraryRow } from '$lib/store/read-model';
import { library, person, stamp } from '$lib/store/test-projector';
import { countyDirectory, libraryWithPeople } from './library-query';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const row = (slug: string, name: string, country: 'NO' | 'SE'): LibraryRow => ({ ...library(slug), name, country, balance: 0, committed: 0, available: 0 });

describe('the library pages', () => {
	it('list libraries by country, then by name in the Norwegian alphabet, and a library’s people the same way', async () => {
		const view = new ReadModel(`library-query-${process.pid}`);
		cleanups.push(() => view.delete());
		await view.libraries.bulkPut([row('asnes', 'Åsnes bibliotek', 'NO'), row('eda', 'Eda bibliotek', 'SE'), row('orsta', 'Ørsta bibliotek', 'NO'), row('alvdal', 'Alvdal bibliotek', 'NO')]);
		await view.people.bulkPut(['Åse', 'Øyvind', 'Zara', 'Anne'].map((name, i) => person(`p${i}`, 'asnes', name, stamp(i))));
		await view.people.put(person('other', 'alvdal', 'Aksel', stamp(9)));

		const { libraries } = await countyDirectory(view);
		expect(libraries.map((l) => l.slug)).toEqual(['alvdal', 'orsta', 'asnes', 'eda']);
		const { library: asnes, people } = await libraryWithPeople(view, 'asnes');
		expect(asnes?.name).toBe('Åsnes bibliotek');
		expect(people.map((p) => p.name)).toEqual(['Anne', 'Zara', 'Øyvind', 'Åse']);
		expect((await libraryWithPeople(view, 'nowhere')).library).toBeUndefined();
	});
});
