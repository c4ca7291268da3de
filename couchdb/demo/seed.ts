/**
 * The demo county: Hedmark's 22 libraries and the county library, a librarian login for each,
 * people with skills, open offers and requests, and a year of exchanges so balances differ.
 * Deterministic: the same seed gives the same county. Every transaction is checked as a
 * librarian's device would (the preflight) and against the fold while it is made, so the demo
 * never contains a refused one; the one collision in it (Stange accepted two answers to one
 * urgent request on two devices) is there on purpose, for Stange to resolve.
 */
import librariesData from '../../src/lib/data/libraries.json' with { type: 'json' };
import skillsData from '../../src/lib/data/skills.json' with { type: 'json' };
import { libraryDocId, personDocId, type LibraryDoc, type PersonDoc } from '../../src/lib/domain/directory';
import { addTransaction, fold } from '../../src/lib/domain/fold';
import { availableForNew } from '../../src/lib/domain/ledger';
import { roadKm } from '../../src/lib/domain/geo';
import { StampSource } from '../../src/lib/domain/ids';
import { preflight } from '../../src/lib/domain/preflight';
import { createState } from '../../src/lib/domain/state';
import { seededRandom } from '../../src/lib/domain/random';
import { makeTransaction, txIdOf, type Transaction, type TransactionFields } from '../../src/lib/domain/transactions';
import type { ProvisionPlan, ProvisionUser } from '../provision';
import { COUNTY_ROLE, LIBRARIAN_ROLE, libraryRole } from '../security';
import { OFFER_TEXT, REQUEST_TEXT } from './descriptions';
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
	const devices = new Map(libraries.map((l) => [l.id, new StampSource(`demo${l.id.replace(/-/g, '')}`.slice(0, 24).padEnd(8, '0'))]));
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

	/** Writes as the library's device would: only what its preflight lets through. */
	const emit = (library: string, fields: TransactionFields, at = now, source = devices.get(library)!): string | null => {
		const person = library === COUNTY_LIBRARY ? undefined : pick(staff.get(library)!)._id.slice('person:'.length);
		const by = library === COUNTY_LIBRARY ? { library, role: 'county' as const } : { library, person };
		if (preflight(state, by, fields)) return null;
		const tx = makeTransaction(source.next(at), { ...fields, by } as Omit<Transaction, '_id' | 'type'>) as Transaction;
		addTransaction(state, tx);
		if (state.rejected.has(txIdOf(tx))) throw new Error(`The demo county wrote a refused ${tx.kind}: ${state.rejected.get(txIdOf(tx))!.code}`);
		transactions.push(tx);
		return txIdOf(tx);
	};
	const offerText = (skill: string) => pick(OFFER_TEXT[skill]!);
	const requestText = (skill: string) => pick(REQUEST_TEXT[skill]!);
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
			const offer = emit(provider, { kind: 'offer.posted', skills: [skill], description: offerText(skill), days, dates: [] });
			later(60 * 20);
			exchange = offer && emit(host, { kind: 'exchange.proposed', offer, days, dates: date });
			later(60 * 5);
			if (exchange && !emit(provider, { kind: 'exchange.accepted', exchange })) exchange = null;
		} else {
			const request = emit(host, { kind: 'request.posted', skills: [skill], description: requestText(skill), days, dates: [date], urgency: random() < 0.2 ? 'urgent' : 'planned' });
			later(60 * 30);
			exchange = request && emit(provider, { kind: 'request.answered', request, days, note: 'Vi kan komme.' });
			// Sometimes a second library answers too; the host takes the first and thanks the other.
			const second = request && random() < 0.3 ? emit(near(host), { kind: 'request.answered', request, days }) : null;
			later(60 * 2);
			if (exchange && !emit(host, { kind: 'exchange.accepted', exchange })) exchange = null;
			if (second) emit(host, { kind: 'exchange.declined', exchange: second, reason: 'Takk! Vi har fått hjelp allerede.' });
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
		const skill = pick(own);
		emit(library, {
			kind: 'offer.posted',
			skills: [skill],
			description: offerText(skill),
			days: pick([1, 1, 2, 0.5]),
			dates: random() < 0.6 ? [] : [window(end + (10 + i) * DAY, 5)],
			maxTravelKm: pick([60, 100, 150])
		});
	}
	for (let i = 0; i < 7; i++) {
		later(60 * 20);
		const skill = pick(skills);
		emit(pick(members).id, {
			kind: 'request.posted',
			skills: [skill],
			description: requestText(skill),
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
		const request = emit(host, { kind: 'request.posted', skills: ['shelving'], description: requestText('shelving'), days: 1, dates: [window(end - 10 * DAY, 1)], urgency: 'planned' });
		later(30);
		const answer = request && emit(provider, { kind: 'request.answered', request, days: 1 });
		later(30);
		if (answer) emit(host, { kind: 'exchange.accepted', exchange: answer });
	}
	// Answers waiting for the host to choose.
	for (let i = 0; i < 2; i++) {
		later(60);
		const request = [...state.requests.values()].filter((r) => r.status === 'open' && r.library !== 'stange')[i];
		if (request) emit(near(request.library), { kind: 'request.answered', request: request.id, days: request.days, note: 'Vi har en som kan komme.' });
	}
	// A real collision: a library's tablet, offline at a branch, and its desk computer each
	// accepted a different answer to one urgent request, so two libraries believe they are
	// coming. The host is the library with the most room under its limit, so only the double
	// agreement collides.
	later(60);
	const host = members.map((m) => m.id).sort((a, b) => availableForNew(state, b) - availableForNew(state, a) || (a < b ? -1 : 1))[0]!;
	const [first, second] = members.map((m) => m.id).filter((id) => id !== host).sort((a, b) => roadKm(bySlug.get(host)!, bySlug.get(a)!) - roadKm(bySlug.get(host)!, bySlug.get(b)!));
	const urgent = emit(host, { kind: 'request.posted', skills: ['front-desk'], description: 'Sykefravær i morgen: trenger skrankevakt.', days: 1, dates: [window(end + DAY, 1)], urgency: 'urgent' });
	later(20);
	const answerFirst = urgent && emit(first!, { kind: 'request.answered', request: urgent, days: 1, note: 'Vi kan sende en i morgen.' });
	const answerSecond = urgent && emit(second!, { kind: 'request.answered', request: urgent, days: 1 });
	later(15);
	if (answerFirst && answerSecond) {
		// The tablet accepts one offline; the desk, not seeing it, accepts the other.
		const tablet = new StampSource(`demo${host.replace(/-/g, '')}tablet`.slice(0, 24));
		const offline = makeTransaction(tablet.next(now), { kind: 'exchange.accepted', exchange: answerSecond, by: { library: host } } as Omit<Transaction, '_id' | 'type'>) as Transaction;
		emit(host, { kind: 'exchange.accepted', exchange: answerFirst }, now + 60_000);
		addTransaction(state, offline);
		transactions.push(offline);
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

/** The library in the demo county with a collision to resolve (two agreements for one request). */
export function demoCollisionHost(plan: ProvisionPlan): string | undefined {
	const state = fold(plan.documents.filter((d) => d._id.startsWith('tx:')) as unknown as Transaction[]);
	return [...state.exchanges.values()].find((e) => e.collisions.length > 0)?.host;
}
