/**
 * The demo county: Hedmark's 22 libraries and the county library, a librarian login for each,
 * people with skills, open offers and requests, and a year of exchanges so balances differ.
 * Deterministic: the same seed gives the same county. Every transaction is checked against the
 * domain fold while it is made, so the demo never contains a refused one.
 */
import librariesData from '../../src/lib/data/libraries.json' with { type: 'json' };
import skillsData from '../../src/lib/data/skills.json' with { type: 'json' };
import { libraryDocId, personDocId, type LibraryDoc, type PersonDoc } from '../../src/lib/domain/directory';
import { applyNewer } from '../../src/lib/domain/fold';
import { roadKm } from '../../src/lib/domain/geo';
import { TransactionIdSource } from '../../src/lib/domain/ids';
import { createState } from '../../src/lib/domain/state';
import { seededRandom } from '../../src/lib/domain/random';
import { makeTransaction, txIdOf, type Transaction } from '../../src/lib/domain/transactions';
import type { ProvisionPlan, ProvisionUser } from '../provision';
import { COUNTY_ROLE, LIBRARIAN_ROLE, libraryRole } from '../security';
import { BEST_AT, FIRST_NAMES, LAST_NAMES, TITLES } from './names';

export const DEMO_PASSWORD = 'byttebank';
export const DEMO_COUNTY_USER = 'fylket';
export const DEMO_APPLICANT = 'nora.nyansatt';
const COUNTY_LIBRARY = 'fylkesbiblioteket';
const DAY = 86_400_000;

type LibraryFact = (typeof librariesData.libraries)[number];

export function demoLibraries(): LibraryFact[] {
	return librariesData.libraries.filter((l) => l.region === 'hedmark');
}

export function buildDemoCounty(countyDb: string, seed = 2026, end = Date.UTC(2026, 10, 20)): ProvisionPlan {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const libraries = demoLibraries();
	const members = libraries.filter((l) => !('county' in l && l.county));
	const bySlug = new Map(libraries.map((l) => [l.id, l]));
	const skills = skillsData.skills.map((s) => s.id);
	const devices = new Map(libraries.map((l) => [l.id, new TransactionIdSource(`demo${l.id.replace(/-/g, '')}`.slice(0, 24).padEnd(8, '0'))]));
	const state = createState();
	const transactions: Transaction[] = [];
	let now = end - 365 * DAY;
	const setupTime = now;

	const firstId = devices.get(COUNTY_LIBRARY)!.next(setupTime);

	const libraryDocs: LibraryDoc[] = libraries.map((l) => ({
		_id: libraryDocId(l.id),
		type: 'library',
		slug: l.id,
		name: l.name,
		municipality: l.municipality,
		town: l.town,
		region: l.region,
		country: l.country,
		lat: l.lat,
		lon: l.lon,
		address: `${l.town}`,
		openingHours: 'Man–fre 10–16, tors 10–19',
		phone: `+47 62 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
		email: `post@${l.id}.bibliotek.example`,
		county: 'county' in l && l.county ? true : undefined,
		active: true,
		updated: firstId
	}));

	const people: PersonDoc[] = [];
	const staff = new Map<string, PersonDoc[]>();
	for (const library of libraries) {
		const count = 2 + Math.floor(random() * 3);
		for (let i = 1; i <= count; i++) {
			const first = pick(FIRST_NAMES);
			const last = pick(LAST_NAMES);
			const own = new Set<string>();
			while (own.size < 2 + Math.floor(random() * 3)) own.add(pick(skills));
			const person: PersonDoc = {
				_id: personDocId(`${library.id}-${i}`),
				type: 'person',
				library: library.id,
				name: `${first} ${last}`,
				title: i === 1 ? 'Biblioteksjef' : pick(TITLES),
				phone: `+47 9${Math.floor(1_000_000 + random() * 8_999_999)}`,
				email: `${first}.${last}@${library.id}.bibliotek.example`.toLowerCase().replace(/[æøå ]/g, (c) => ({ æ: 'ae', ø: 'o', å: 'a', ' ': '' })[c] ?? c),
				skills: [...own].map((skill) => ({ skill, level: pick([1, 2, 3] as const) })),
				bestAt: pick(BEST_AT),
				languages: random() < 0.3 ? ['nb', 'en', 'sv'] : ['nb', 'en'],
				updated: firstId
			};
			people.push(person);
			staff.set(library.id, [...(staff.get(library.id) ?? []), person]);
		}
	}

	const emit = (library: string, fields: Record<string, unknown>, at = now): string | null => {
		const id = devices.get(library)!.next(at);
		const person = library === COUNTY_LIBRARY ? undefined : pick(staff.get(library)!)._id.slice('person:'.length);
		const by = library === COUNTY_LIBRARY ? { library, role: 'county' as const } : { library, person };
		const tx = makeTransaction(id, { ...fields, by } as Omit<Transaction, '_id' | 'type'>) as Transaction;
		if (!applyNewer(state, tx)) return null;
		transactions.push(tx);
		return txIdOf(tx);
	};
	const later = (minutes: number) => (now += minutes * 60_000 + Math.floor(random() * 60_000));
	const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	const window = (start: number, length: number) => ({ from: isoDay(start), to: isoDay(start + (Math.ceil(length) - 1) * DAY) });
	const near = (slug: string) => {
		const from = bySlug.get(slug)!;
		const options = members.filter((m) => m.id !== slug && roadKm(from, m) < 170);
		return pick(options.length ? options : members.filter((m) => m.id !== slug)).id;
	};
	const travel = (provider: string, host: string) => {
		const km = 2 * roadKm(bySlug.get(provider)!, bySlug.get(host)!);
		return { km, tolls: random() < 0.25 ? 44 : 0, meals: km > 150 ? 200 : 0 };
	};

	emit(COUNTY_LIBRARY, { kind: 'policy.set', creditLimit: 5, travelRatePerKm: 3.5, mealAllowance: 200 }, setupTime);

	// A year of finished exchanges, some through offers and some through requests.
	const exchanges = 70;
	const step = Math.floor((end - 30 * DAY - now) / exchanges);
	for (let i = 0; i < exchanges; i++) {
		// Each exchange runs its course (about three days) before the next one starts.
		now = setupTime + DAY + i * step;
		const provider = pick(members).id;
		const host = near(provider);
		const days = pick([0.5, 1, 1, 1, 1, 1.5, 2]);
		const skill = pick(skills);
		const date = window(now + 2 * DAY, days);
		let exchange: string | null;
		if (random() < 0.5) {
			const offer = emit(provider, { kind: 'offer.posted', skills: [skill], description: 'Vi kan hjelpe til en dag.', days, dates: [] });
			later(60 * 20);
			exchange = offer && emit(host, { kind: 'exchange.proposed', offer, days, dates: date });
			later(60 * 5);
			if (exchange && !emit(provider, { kind: 'exchange.accepted', exchange })) exchange = null;
		} else {
			const request = emit(host, { kind: 'request.posted', skills: [skill], description: 'Vi trenger hjelp en dag.', days, dates: [date], urgency: random() < 0.2 ? 'urgent' : 'planned' });
			later(60 * 30);
			exchange = request && emit(provider, { kind: 'request.accepted', request });
		}
		if (!exchange) continue;
		now += 2 * DAY;
		const worked = random() < 0.1 && days > 0.5 ? days - 0.5 : days;
		emit(host, { kind: 'exchange.completed', exchange, provider, days: worked, travel: travel(provider, host) });
	}

	// Things under way: waiting for an answer, agreed and due to be confirmed, open offers and requests.
	now = end - 20 * DAY;
	for (let i = 0; i < 14; i++) {
		later(60 * 20);
		const library = pick(members).id;
		const own = staff.get(library)!.flatMap((p) => p.skills.map((s) => s.skill));
		emit(library, {
			kind: 'offer.posted',
			skills: [pick(own)],
			description: pick(['Erfaren bibliotekar kan ta en dag hos dere.', 'Vi har kapasitet en dag i måneden.', 'Hjelper gjerne med å komme à jour.']),
			days: pick([1, 1, 2, 0.5]),
			dates: random() < 0.6 ? [] : [window(end + (10 + i) * DAY, 5)],
			maxTravelKm: pick([60, 100, 150])
		});
	}
	for (let i = 0; i < 7; i++) {
		later(60 * 20);
		emit(pick(members).id, {
			kind: 'request.posted',
			skills: [pick(skills)],
			description: pick(['Etterslep i katalogiseringen etter sommeren.', 'Sykefravær: trenger skrankevakt.', 'Stor kassering før ombygging.']),
			days: pick([1, 1, 2]),
			dates: random() < 0.5 ? [] : [window(end + (5 + i) * DAY, 3)],
			urgency: i % 3 === 0 ? 'urgent' : 'planned'
		});
	}
	const openOffers = [...state.offers.values()].filter((o) => o.status === 'open');
	for (const offer of openOffers.slice(0, 3)) {
		later(60);
		emit(near(offer.library), { kind: 'exchange.proposed', offer: offer.id, days: Math.min(1, offer.days), dates: window(end + 14 * DAY, 1) });
	}
	for (let i = 0; i < 3; i++) {
		later(60);
		const provider = pick(members).id;
		const host = near(provider);
		const request = emit(host, { kind: 'request.posted', skills: [pick(skills)], description: 'Hjelp med hyllerydding.', days: 1, dates: [window(end - 10 * DAY, 1)], urgency: 'planned' });
		later(30);
		if (request) emit(provider, { kind: 'request.accepted', request });
	}

	const users: ProvisionUser[] = members.map((l) => ({
		name: l.id,
		password: DEMO_PASSWORD,
		roles: [LIBRARIAN_ROLE, libraryRole(l.id)],
		fullName: staff.get(l.id)![0]!.name
	}));
	users.push({ name: DEMO_COUNTY_USER, password: DEMO_PASSWORD, roles: [LIBRARIAN_ROLE, COUNTY_ROLE, libraryRole(COUNTY_LIBRARY)], fullName: 'Fylkesbibliotekaren' });
	// Someone waiting for approval, so the county and Stange see a request to answer.
	users.push({
		name: DEMO_APPLICANT,
		password: DEMO_PASSWORD,
		roles: [],
		fullName: 'Nora Nyansatt',
		join: { library: 'stange', email: 'nora.nyansatt@example.no', asked: new Date(end - 2 * DAY).toISOString() }
	});

	return { countyDb, users, documents: [...libraryDocs, ...people, ...transactions] };
}
