/**
 * Test helper: a small county for the notice rules. Tolga and Os sit close together in the
 * north, Hamar and Stange 230 km south, Bergen beyond a day's reach; Os has a shared address,
 * the others reach their people one by one.
 */
import type { LibraryDoc, PersonDoc } from '../directory';
import { fold } from '../fold';
import type { Transaction } from '../transactions';
import type { Directory, NoticeContext } from './notice';

const STAMP = '000000000-0000-testdevice01';

function library(slug: string, name: string, lat: number, lon: number, email = ''): LibraryDoc {
	return { _id: `library:${slug}`, type: 'library', slug, name, municipality: name, town: name, region: 'hedmark', country: 'NO', lat, lon, email, active: true, updated: STAMP };
}

function person(id: string, library: string, name: string, skills: PersonDoc['skills'], email = `${id}@${library}.example`): PersonDoc {
	return { _id: `person:${id}`, type: 'person', library, name, email, skills, languages: ['nb'], updated: STAMP };
}

export function testDirectory(): Directory {
	const libraries = [
		library('tolga', 'Tolga bibliotek', 62.411, 11.002),
		library('os', 'Os bibliotek', 62.497, 11.223, 'post@os.example'),
		library('hamar', 'Hamar bibliotek', 60.795, 11.068),
		library('stange', 'Stange bibliotek', 60.717, 11.191),
		library('bergen', 'Bergen bibliotek', 60.392, 5.324)
	];
	const people = [
		person('tove', 'tolga', 'Tove Tolga', [{ skill: 'cataloguing', level: 2 }]),
		person('hanne', 'hamar', 'Hanne Haugen', [{ skill: 'cataloguing', level: 3 }]),
		person('hans', 'hamar', 'Hans Holm', [{ skill: 'cataloguing', level: 1 }, { skill: 'events', level: 2 }]),
		person('hege', 'hamar', 'Hege Hagen', [{ skill: 'events', level: 3 }]),
		person('hilde', 'hamar', 'Hilde uten e-post', [{ skill: 'cataloguing', level: 3 }], ''),
		person('siri', 'stange', 'Siri Strand', [{ skill: 'cataloguing', level: 2 }]),
		person('bjorn', 'bergen', 'Bjørn Berg', [{ skill: 'cataloguing', level: 3 }]),
		person('ola', 'os', 'Ola Moen', [{ skill: 'cataloguing', level: 3 }])
	];
	return { libraries: new Map(libraries.map((l) => [l.slug, l])), people };
}

export const OSLO = 'Europe/Oslo';

/** Noon, Oslo time, on a date: inside the sending window. */
export function osloNoon(isoDate: string): number {
	return Date.parse(`${isoDate}T11:00:00Z`);
}

export function contextOf(transactions: Transaction[], now: number, directory = testDirectory()): NoticeContext {
	return { state: fold(transactions), directory, now, timeZone: OSLO };
}
