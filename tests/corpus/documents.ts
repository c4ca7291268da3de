/**
 * One corpus of documents, good and bad, judged by both validators: the domain's
 * `validateDocument` (shape only) and the server's `validate_doc_update`
 * (couchdb/design/validate.js: shape, authorship and authority). See corpus.test.ts.
 *
 * `domain` is what validateDocument says about the document's shape alone ('n/a' where it has
 * nothing to say, e.g. a tombstone or a design document). `server` is what the database must
 * answer when `user` writes `doc` over `oldDoc`.
 *
 * The story: Hedmark's libraries trade staff days. Hamar offers cataloguing, Elverum books two
 * days of it, Tolga asks for help with a children's event and Eidskog takes it; the county
 * library sets the rules and once reverses an exchange.
 */
import { contentHash } from '../../src/lib/domain/content-hash';
import { formatStamp, isStamp } from '../../src/lib/domain/ids';
import type { TransactionKind } from '../../src/lib/domain/transactions';

export type Doc = Record<string, unknown>;

export interface CorpusUser {
	/** null: not logged in. */
	name: string | null;
	roles: string[];
}

export interface CorpusCase {
	name: string;
	doc: Doc;
	/** The stored revision being replaced; absent or null for a new document. */
	oldDoc?: Doc | null;
	user: CorpusUser;
	domain: 'valid' | 'invalid' | 'n/a';
	server: 'allow' | 'forbid' | 'unauthorized';
}

/** The database security object the server passes as `secObj`. */
export const SEC_OBJ = {
	admins: { names: [], roles: [] },
	members: { names: [], roles: ['librarian', 'county'] }
};

/** The largest document the server accepts, in characters of JSON (without `_revisions`). */
export const MAX_DOC_JSON = 16384;

/** Kinds the county alone may write, always with `by.role: 'county'`. */
export const COUNTY_ONLY_KINDS: readonly string[] = ['policy.set', 'exchange.reversed', 'travel.paid'];

export const LIBRARIES = ['hamar', 'tolga', 'eidskog', 'elverum', 'fylkesbiblioteket'] as const;
export type Library = (typeof LIBRARIES)[number];

export const users = {
	hamar: { name: 'kari.nordby', roles: ['librarian', 'library:hamar'] },
	tolga: { name: 'ola.haugen', roles: ['librarian', 'library:tolga'] },
	eidskog: { name: 'ingrid.berg', roles: ['librarian', 'library:eidskog'] },
	elverum: { name: 'per.moen', roles: ['librarian', 'library:elverum'] },
	county: { name: 'fylket', roles: ['county', 'library:fylkesbiblioteket'] },
	/** Signed up, not yet approved by the county: no librarian role. */
	pending: { name: 'ny.ansatt', roles: ['library:hamar'] },
	/** Approved, but no library attached yet. */
	homeless: { name: 'vikar', roles: ['librarian'] },
	admin: { name: 'admin', roles: ['_admin'] },
	anonymous: { name: null, roles: [] }
} satisfies Record<string, CorpusUser>;

/** The user who writes for `library` (the county's user for the county library). */
export function userOf(library: Library): CorpusUser {
	return library === 'fylkesbiblioteket' ? users.county : users[library];
}

// ---- transaction ids ----------------------------------------------------------------------

const DEVICES: Record<Library, string> = {
	hamar: 'hamarskranke01',
	tolga: 'tolgafolkebib1',
	eidskog: 'eidskogdesk01',
	elverum: 'elverumlaptop1',
	fylkesbiblioteket: 'fylketkontor01'
};

const T0 = Date.UTC(2026, 1, 2, 8, 0); // Monday 2 February 2026, 09:00 in Norway

function stampAt(minute: number, library: Library): string {
	return formatStamp({ ms: T0 + minute * 60_000, counter: 0 }, DEVICES[library]);
}

/** When each story transaction was written, and by whose device. */
const STAMP = {
	policy: stampAt(0, 'fylkesbiblioteket'),
	directory: stampAt(1, 'fylkesbiblioteket'),
	offer: stampAt(10, 'hamar'),
	offerRevised: stampAt(15, 'hamar'),
	offerPaused: stampAt(20, 'hamar'),
	offerResumed: stampAt(25, 'hamar'),
	request: stampAt(30, 'tolga'),
	requestRevised: stampAt(35, 'tolga'),
	request2: stampAt(40, 'tolga'),
	request2Withdrawn: stampAt(45, 'tolga'),
	requestAnswered: stampAt(60, 'eidskog'),
	proposed: stampAt(90, 'elverum'),
	accepted: stampAt(120, 'hamar'),
	proposed2: stampAt(130, 'elverum'),
	declined: stampAt(140, 'hamar'),
	withdrawn: stampAt(145, 'elverum'),
	cancelled: stampAt(150, 'eidskog'),
	released: stampAt(155, 'tolga'),
	completed: stampAt(60 * 24 * 30, 'elverum'),
	reversed: stampAt(60 * 24 * 31, 'fylkesbiblioteket'),
	reported: stampAt(60 * 24 * 32, 'hamar'),
	paid: stampAt(60 * 24 * 33, 'fylkesbiblioteket'),
	offerWithdrawn: stampAt(60 * 24 * 40, 'hamar'),
	personUpdated: stampAt(200, 'hamar'),
	libraryUpdated: stampAt(210, 'hamar')
};

export const stamps = STAMP;

/**
 * Gives a transaction the id its content commits to: its stamp, then the content's hash. Tests
 * that change a field seal again, so that they test the field and not the hash; a test of
 * the hash changes content without sealing.
 */
export function seal(doc: Doc): Doc {
	const id = typeof doc._id === 'string' ? doc._id : '';
	const stamp = id.startsWith('tx:') ? id.slice(3).split('-').slice(0, 3).join('-') : '';
	if (doc.type !== 'tx' || !isStamp(stamp)) return doc;
	return { ...doc, _id: `tx:${stamp}-${contentHash(doc)}` };
}

/** A transaction written at another stamp (another time, or another device). */
export function restamped(doc: Doc, stamp: string): Doc {
	return seal({ ...doc, _id: `tx:${stamp}-x` });
}

// ---- valid transactions, one builder per kind ---------------------------------------------

/** A fresh, sealed transaction document; nothing in it is shared with any other document. */
function tx(stamp: string, kind: TransactionKind, by: Doc, fields: Doc): Doc {
	return seal(structuredClone({ _id: `tx:${stamp}-x`, type: 'tx', kind, by, ...fields }));
}

const hamarKari = { library: 'hamar', person: 'person:hamar-kari-nordby' };
const tolgaOla = { library: 'tolga', person: 'person:tolga-ola-haugen' };
const eidskog = { library: 'eidskog' };
const elverumPer = { library: 'elverum', person: 'person:elverum-per-moen' };
const county = { library: 'fylkesbiblioteket', role: 'county' };

const offerTerms = (): Doc => ({
	skills: ['cataloguing', 'interlibrary-loan'],
	description:
		'Erfaren katalogisator hjelper med etterslep i katalogen, gjerne i en stille periode. Tar med egen PC.',
	days: 5,
	dates: [
		{ from: '2026-03-02', to: '2026-03-06' },
		{ from: '2026-04-13', to: '2026-04-17' }
	],
	maxTravelKm: 150
});

const requestTerms = (): Doc => ({
	skills: ['children', 'events'],
	description: 'Vi trenger en erfaren formidler til sommerles-avslutningen for barn og foreldre.',
	days: 1.5,
	dates: [{ from: '2026-06-19', to: '2026-06-20' }],
	urgency: 'planned'
});

const idOfDoc = (doc: Doc) => String(doc._id).slice(3);

/** A second request (withdrawn) and a second proposal (declined, withdrawn) of the story. */
const request2 = () => tx(STAMP.request2, 'request.posted', tolgaOla, { ...requestTerms(), skills: ['outreach'] });
const proposal2 = () => tx(STAMP.proposed2, 'exchange.proposed', elverumPer, { offer: ID.offer, days: 1, dates: { from: '2026-04-13', to: '2026-04-13' } });

/**
 * The ids of the story's transactions. Each commits to its content, and content refers to
 * earlier ids, so they are computed from the documents on first use.
 */
const ID = {
	get offer() {
		return idOfDoc(valid('offer.posted'));
	},
	get request() {
		return idOfDoc(valid('request.posted'));
	},
	get request2() {
		return idOfDoc(request2());
	},
	get requestAnswered() {
		return idOfDoc(valid('request.answered'));
	},
	get proposed() {
		return idOfDoc(valid('exchange.proposed'));
	},
	get proposed2() {
		return idOfDoc(proposal2());
	},
	get completed() {
		return idOfDoc(valid('exchange.completed'));
	}
};

export const transactionIds = ID;

/** One valid example of every kind, with the library that writes it. */
export const validTransactions: Record<TransactionKind, { author: Library; build: () => Doc }> = {
	'offer.posted': { author: 'hamar', build: () => tx(STAMP.offer, 'offer.posted', hamarKari, offerTerms()) },
	'offer.revised': {
		author: 'hamar',
		build: () => tx(STAMP.offerRevised, 'offer.revised', hamarKari, { offer: ID.offer, ...offerTerms(), days: 6 })
	},
	'offer.paused': { author: 'hamar', build: () => tx(STAMP.offerPaused, 'offer.paused', hamarKari, { offer: ID.offer }) },
	'offer.resumed': { author: 'hamar', build: () => tx(STAMP.offerResumed, 'offer.resumed', hamarKari, { offer: ID.offer }) },
	'offer.withdrawn': {
		author: 'hamar',
		build: () => tx(STAMP.offerWithdrawn, 'offer.withdrawn', { library: 'hamar' }, { offer: ID.offer })
	},
	'request.posted': { author: 'tolga', build: () => tx(STAMP.request, 'request.posted', tolgaOla, requestTerms()) },
	'request.revised': {
		author: 'tolga',
		build: () => tx(STAMP.requestRevised, 'request.revised', tolgaOla, { request: ID.request, ...requestTerms(), days: 2, urgency: 'urgent' })
	},
	'request.withdrawn': {
		author: 'tolga',
		build: () => tx(STAMP.request2Withdrawn, 'request.withdrawn', tolgaOla, { request: ID.request2 })
	},
	'request.answered': {
		author: 'eidskog',
		build: () =>
			tx(STAMP.requestAnswered, 'request.answered', eidskog, {
				request: ID.request,
				days: 1.5,
				dates: { from: '2026-06-19', to: '2026-06-20' },
				note: 'Vi har en barnebibliotekar som gjerne kommer.'
			})
	},
	'exchange.proposed': {
		author: 'elverum',
		build: () => tx(STAMP.proposed, 'exchange.proposed', elverumPer, { offer: ID.offer, days: 2, dates: { from: '2026-03-02', to: '2026-03-03' } })
	},
	'exchange.accepted': { author: 'hamar', build: () => tx(STAMP.accepted, 'exchange.accepted', hamarKari, { exchange: ID.proposed }) },
	'exchange.declined': {
		author: 'hamar',
		build: () =>
			tx(STAMP.declined, 'exchange.declined', hamarKari, {
				exchange: ID.proposed2,
				reason: 'Kari er på kurs den uka, beklager. Prøv gjerne i april.'
			})
	},
	'exchange.withdrawn': {
		author: 'elverum',
		build: () => tx(STAMP.withdrawn, 'exchange.withdrawn', elverumPer, { exchange: ID.proposed2, reason: 'Vi fant hjelp nærmere.' })
	},
	'exchange.cancelled': { author: 'eidskog', build: () => tx(STAMP.cancelled, 'exchange.cancelled', eidskog, { exchange: ID.requestAnswered }) },
	'exchange.released': {
		author: 'tolga',
		build: () =>
			tx(STAMP.released, 'exchange.released', tolgaOla, {
				exchange: ID.requestAnswered,
				kept: ID.proposed,
				reason: 'Vi godtok to svar på samme forespørsel; Hamar kommer allerede.'
			})
	},
	'exchange.completed': {
		author: 'elverum',
		build: () =>
			tx(STAMP.completed, 'exchange.completed', elverumPer, {
				exchange: ID.proposed,
				provider: 'hamar',
				days: 2,
				travel: { km: 64, tolls: 0, meals: 250 }
			})
	},
	'exchange.reversed': {
		author: 'fylkesbiblioteket',
		build: () =>
			tx(STAMP.reversed, 'exchange.reversed', county, {
				exchange: ID.proposed,
				completion: ID.completed,
				provider: 'hamar',
				host: 'elverum',
				days: 2,
				reason: 'Registrert to ganger ved en feil; Hamar bekreftet på telefon.'
			})
	},
	'exchange.reported': {
		author: 'hamar',
		build: () =>
			tx(STAMP.reported, 'exchange.reported', { library: 'hamar' }, {
				exchange: ID.proposed,
				done: 'Katalogiserte 120 bøker i lokalsamlingen.',
				tips: 'Avtal tilgang til biblioteksystemet på forhånd.'
			})
	},
	'travel.paid': { author: 'fylkesbiblioteket', build: () => tx(STAMP.paid, 'travel.paid', county, { exchanges: [ID.proposed] }) },
	'policy.set': {
		author: 'fylkesbiblioteket',
		build: () => tx(STAMP.policy, 'policy.set', county, { creditLimit: 10, travelRatePerKm: 4.5, mealAllowance: 350 })
	}
};

/** Every document of the story, in the order it happened: a whole history to fold. */
export function storyTransactions(): Doc[] {
	const all = [...Object.values(validTransactions).map((t) => t.build()), request2(), proposal2()];
	return all.sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
}

const KINDS = Object.keys(validTransactions) as TransactionKind[];

function valid(kind: TransactionKind): Doc {
	return validTransactions[kind].build();
}

function author(kind: TransactionKind): CorpusUser {
	return userOf(validTransactions[kind].author);
}

function without(doc: Doc, ...keys: string[]): Doc {
	const copy = { ...doc };
	for (const key of keys) delete copy[key];
	return copy;
}

function tombstone(doc: Doc, rev = '2-7c1d0c5f2e8a4b0f9d3e6a1b2c3d4e5f'): Doc {
	return { _id: doc._id, _rev: rev, _deleted: true };
}

const REV1 = '1-3f9a2b7c4d5e6f708192a3b4c5d6e7f8';

// ---- directory documents ------------------------------------------------------------------

const LIBRARY_FACTS: Record<Library, Doc> = {
	hamar: { name: 'Hamar bibliotek', municipality: 'Hamar', town: 'Hamar', lat: 60.795, lon: 11.068 },
	tolga: { name: 'Tolga bibliotek', municipality: 'Tolga', town: 'Tolga', lat: 62.411, lon: 11.002 },
	eidskog: { name: 'Eidskog bibliotek', municipality: 'Eidskog', town: 'Skotterud', lat: 59.98, lon: 12.118 },
	elverum: { name: 'Elverum bibliotek', municipality: 'Elverum', town: 'Elverum', lat: 60.882, lon: 11.562 },
	fylkesbiblioteket: {
		name: 'Hedmark fylkesbibliotek',
		municipality: 'Hamar',
		town: 'Hamar',
		lat: 60.795,
		lon: 11.068,
		county: true
	}
};

export function libraryDoc(slug: Library, fields: Doc = {}): Doc {
	return {
		_id: 'library:' + slug,
		type: 'library',
		slug,
		...LIBRARY_FACTS[slug],
		region: 'hedmark',
		country: 'NO',
		address: `${String(LIBRARY_FACTS[slug].town)} sentrum`,
		openingHours: 'Man–fre 10–16, tors 10–19',
		phone: '+47 62 54 11 00',
		email: `post@${slug}.bibliotek.example`,
		active: true,
		updated: STAMP.directory,
		...fields
	};
}

export function personDoc(library: Library, fields: Doc = {}): Doc {
	return {
		_id: `person:${library}-1`,
		type: 'person',
		library,
		name: 'Kari Nordby',
		title: 'Bibliotekar',
		phone: '+47 916 23 456',
		email: `kari.nordby@${library}.bibliotek.example`,
		skills: [
			{ skill: 'cataloguing', level: 3 },
			{ skill: 'interlibrary-loan', level: 2 },
			{ skill: 'digital-help', level: 1 }
		],
		bestAt: 'Rydde etterslep i katalogen og lære bort Bibliofil.',
		languages: ['norsk', 'engelsk', 'svensk'],
		bio: 'Har jobbet i folkebibliotek i femten år, de siste fem med katalog og fjernlån.',
		updated: STAMP.directory,
		...fields
	};
}

// ---- the corpus ---------------------------------------------------------------------------

const cases: CorpusCase[] = [];

/** Adds a case; a transaction whose content the case changed is sealed again (see seal). */
function add(c: CorpusCase): void {
	cases.push({ ...c, doc: seal(c.doc) });
}

/** Adds a case as written: for content that must not match its id. */
function addUnsealed(c: CorpusCase): void {
	cases.push(c);
}

/** A shape error: the domain refuses it, and so does the server, even for the right author. */
function badShape(name: string, kind: TransactionKind, doc: Doc): void {
	add({ name, doc, user: author(kind), domain: 'invalid', server: 'forbid' });
}

// 1. Every kind, valid, written by its author.
for (const kind of KINDS) {
	add({ name: `valid ${kind} by ${validTransactions[kind].author}`, doc: valid(kind), user: author(kind), domain: 'valid', server: 'allow' });
}

// 2. More valid transactions at the edges of the rules.
add({
	name: 'undated offer (empty dates) without travel limit',
	doc: without({ ...valid('offer.posted'), dates: [] }, 'maxTravelKm'),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'offer at the limits: 20 days, 10 skills, 10 date windows, 1000-character description, travel 2000 km',
	doc: {
		...valid('offer.posted'),
		days: 20,
		skills: ['routine', 'cataloguing', 'plastic-covering', 'shelving', 'weeding', 'outreach', 'events', 'children', 'front-desk', 'digital-help'],
		dates: Array.from({ length: 10 }, (_, i) => ({ from: `2026-0${Math.floor(i / 3) + 3}-0${(i % 3) * 3 + 1}`, to: `2026-0${Math.floor(i / 3) + 3}-0${(i % 3) * 3 + 2}` })),
		description: 'K'.repeat(1000),
		maxTravelKm: 2000
	},
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'request for half a day, one-day window, 29 February in a leap year',
	doc: { ...valid('request.posted'), days: 0.5, dates: [{ from: '2028-02-29', to: '2028-02-29' }] },
	user: users.tolga,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'request.answered without dates or note (the request\'s own dates)',
	doc: without(valid('request.answered'), 'dates', 'note'),
	user: users.eidskog,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'exchange.released without the agreement it keeps',
	doc: without(valid('exchange.released'), 'kept'),
	user: users.tolga,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'exchange.withdrawn without a reason',
	doc: without(valid('exchange.withdrawn'), 'reason'),
	user: users.elverum,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'exchange.cancelled with a reason',
	doc: { ...valid('exchange.cancelled'), reason: 'Sykdom i personalet.' },
	user: users.eidskog,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'exchange.completed with fewer days worked (1.5) and no travel costs',
	doc: { ...valid('exchange.completed'), days: 1.5, travel: { km: 0, tolls: 0, meals: 0 } },
	user: users.elverum,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'county library posts an ordinary offer as its own library',
	doc: tx(stampAt(300, 'fylkesbiblioteket'), 'offer.posted', { library: 'fylkesbiblioteket' }, { ...offerTerms(), skills: ['makerspace'] }),
	user: users.county,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'replicated transaction carrying _rev and _revisions (new_edits: false)',
	doc: { ...valid('offer.paused'), _rev: REV1, _revisions: { start: 1, ids: [REV1.slice(2)] } },
	user: users.hamar,
	// CouchDB passes _revisions to the server; the domain accepts CouchDB's own fields too.
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'new transaction as express-pouchdb passes it (_revisions: undefined)',
	doc: { ...valid('offer.resumed'), _revisions: undefined },
	user: users.hamar,
	domain: 'n/a',
	server: 'allow'
});
add({
	name: 'transaction read with conflicts (_conflicts) — CouchDB field, allowed by the server',
	doc: { ...valid('exchange.accepted'), _rev: REV1, _conflicts: ['1-0000000000000000000000000000aaaa'] },
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'transaction recreated over a deleted revision (only an admin can have deleted it)',
	doc: valid('offer.posted'),
	oldDoc: tombstone(valid('offer.posted')),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'server admin may write any transaction (provisioning)',
	doc: valid('policy.set'),
	oldDoc: { ...valid('policy.set'), _rev: REV1 },
	user: users.admin,
	domain: 'valid',
	server: 'allow'
});

// 3. Wrong shape, for every kind: a required field missing, and a field the schema does not know.
const REQUIRED: Record<TransactionKind, string> = {
	'offer.posted': 'description',
	'offer.revised': 'offer',
	'offer.paused': 'offer',
	'offer.resumed': 'offer',
	'offer.withdrawn': 'offer',
	'request.posted': 'urgency',
	'request.revised': 'request',
	'request.withdrawn': 'request',
	'request.answered': 'days',
	'exchange.proposed': 'dates',
	'exchange.accepted': 'exchange',
	'exchange.declined': 'exchange',
	'exchange.withdrawn': 'exchange',
	'exchange.cancelled': 'exchange',
	'exchange.released': 'reason',
	'exchange.completed': 'travel',
	'exchange.reversed': 'reason',
	'exchange.reported': 'done',
	'travel.paid': 'exchanges',
	'policy.set': 'creditLimit'
};
const UNKNOWN = ['price', 'status', 'approvedBy', 'comment', 'hours', 'owner', 'priority', 'note'];
KINDS.forEach((kind, i) => {
	badShape(`${kind} without ${REQUIRED[kind]}`, kind, without(valid(kind), REQUIRED[kind]));
	const field = UNKNOWN[i % UNKNOWN.length]!;
	badShape(`${kind} with unknown field ${field}`, kind, { ...valid(kind), [field]: 'x' });
});

// 4. Wrong shape, field by field.
badShape('offer with 0.3 days (not a half-day step)', 'offer.posted', { ...valid('offer.posted'), days: 0.3 });
badShape('request for 25 days (more than 20)', 'request.posted', { ...valid('request.posted'), days: 25 });
badShape('proposal for 0 days', 'exchange.proposed', { ...valid('exchange.proposed'), days: 0 });
badShape('completion with negative days', 'exchange.completed', { ...valid('exchange.completed'), days: -2 });
badShape('offer days as text "5"', 'offer.posted', { ...valid('offer.posted'), days: '5' });
badShape('offer with 20.5 days', 'offer.revised', { ...valid('offer.revised'), days: 20.5 });
badShape('offer with an impossible date (30 February)', 'offer.posted', { ...valid('offer.posted'), dates: [{ from: '2026-02-30', to: '2026-03-02' }] });
badShape('offer with a Norwegian-style date (02.03.2026)', 'offer.posted', { ...valid('offer.posted'), dates: [{ from: '02.03.2026', to: '2026-03-06' }] });
badShape('request with 29 February in a common year', 'request.posted', { ...valid('request.posted'), dates: [{ from: '2027-02-29', to: '2027-03-01' }] });
badShape('request with month 13', 'request.revised', { ...valid('request.revised'), dates: [{ from: '2026-13-01', to: '2026-13-02' }] });
badShape('offer window ending before it starts', 'offer.posted', { ...valid('offer.posted'), dates: [{ from: '2026-03-06', to: '2026-03-02' }] });
badShape('proposal window ending before it starts', 'exchange.proposed', { ...valid('exchange.proposed'), dates: { from: '2026-03-03', to: '2026-03-02' } });
badShape('answer window with an extra field', 'request.answered', { ...valid('request.answered'), dates: { from: '2026-06-19', to: '2026-06-20', allDay: true } });
badShape('answer for 25 days', 'request.answered', { ...valid('request.answered'), days: 25 });
badShape('answer with a note of 501 characters', 'request.answered', { ...valid('request.answered'), note: 'n'.repeat(501) });
badShape('release with an empty reason', 'exchange.released', { ...valid('exchange.released'), reason: ' ' });
badShape('release keeping something that is not a transaction id', 'exchange.released', { ...valid('exchange.released'), kept: 'hamar' });
badShape('offer with 11 date windows', 'offer.posted', { ...valid('offer.posted'), dates: Array.from({ length: 11 }, () => ({ from: '2026-05-04', to: '2026-05-05' })) });
badShape('proposal with dates as a list instead of one window', 'exchange.proposed', { ...valid('exchange.proposed'), dates: [{ from: '2026-03-02', to: '2026-03-03' }] });
badShape('offer description of 1001 characters', 'offer.posted', { ...valid('offer.posted'), description: 'K'.repeat(1001) });
badShape('request description of only spaces', 'request.posted', { ...valid('request.posted'), description: '   \n\t ' });
badShape('offer with no skills', 'offer.posted', { ...valid('offer.posted'), skills: [] });
badShape('offer with the same skill twice', 'offer.revised', { ...valid('offer.revised'), skills: ['cataloguing', 'weeding', 'cataloguing'] });
badShape('request with 11 skills', 'request.posted', {
	...valid('request.posted'),
	skills: ['routine', 'cataloguing', 'plastic-covering', 'shelving', 'weeding', 'outreach', 'events', 'children', 'front-desk', 'digital-help', 'makerspace']
});
badShape('offer with a skill in capitals', 'offer.posted', { ...valid('offer.posted'), skills: ['Cataloguing'] });
badShape('request with urgency "asap"', 'request.posted', { ...valid('request.posted'), urgency: 'asap' });
badShape('offer with travel limit 2500 km', 'offer.posted', { ...valid('offer.posted'), maxTravelKm: 2500 });
badShape('completion travel without meals', 'exchange.completed', { ...valid('exchange.completed'), travel: { km: 64, tolls: 0 } });
badShape('completion travel with negative km', 'exchange.completed', { ...valid('exchange.completed'), travel: { km: -64, tolls: 0, meals: 250 } });
badShape('completion travel of 6000 km', 'exchange.completed', { ...valid('exchange.completed'), travel: { km: 6000, tolls: 0, meals: 0 } });
badShape('decline reason of 501 characters', 'exchange.declined', { ...valid('exchange.declined'), reason: 'n'.repeat(501) });
badShape('completion naming its own library as the provider', 'exchange.completed', { ...valid('exchange.completed'), provider: 'elverum' });
badShape('completion without the provider', 'exchange.completed', { ...valid('exchange.completed'), provider: undefined });
badShape('reversal naming the same library twice', 'exchange.reversed', { ...valid('exchange.reversed'), host: 'hamar' });
badShape('reversal without the completion it undoes', 'exchange.reversed', { ...valid('exchange.reversed'), completion: undefined });
badShape('reversal of a fraction of a half day', 'exchange.reversed', { ...valid('exchange.reversed'), days: 0.3 });
badShape('reversal with an empty reason', 'exchange.reversed', { ...valid('exchange.reversed'), reason: '  ' });
badShape('policy with credit limit 25 days', 'policy.set', { ...valid('policy.set'), creditLimit: 25 });
badShape('policy with credit limit 0.3 days', 'policy.set', { ...valid('policy.set'), creditLimit: 0.3 });
badShape('policy with travel rate 150 per km', 'policy.set', { ...valid('policy.set'), travelRatePerKm: 150 });
badShape('policy with negative meal allowance', 'policy.set', { ...valid('policy.set'), mealAllowance: -1 });
badShape('_id that is not a transaction id (tx:abc)', 'offer.paused', { ...valid('offer.paused'), _id: 'tx:abc' });
badShape('_id with an upper-case device id', 'offer.paused', { ...valid('offer.paused'), _id: String(valid('offer.paused')._id).toUpperCase().replace('TX:', 'tx:') });
addUnsealed({ name: '_id without the content hash (a stamp only)', doc: { ...valid('offer.paused'), _id: 'tx:' + STAMP.offerPaused }, user: users.hamar, domain: 'invalid', server: 'forbid' });
addUnsealed({ name: '_id with the hash of other content', doc: { ...valid('offer.paused'), _id: String(valid('offer.resumed')._id) }, user: users.hamar, domain: 'invalid', server: 'forbid' });
badShape('reference that is not a transaction id', 'exchange.accepted', { ...valid('exchange.accepted'), exchange: 'exchange-1' });
badShape('reference with the tx: prefix', 'offer.withdrawn', { ...valid('offer.withdrawn'), offer: 'tx:' + ID.offer });
badShape('unknown kind offer.deleted', 'offer.withdrawn', { ...valid('offer.withdrawn'), kind: 'offer.deleted' });
badShape('type "transaction" instead of "tx"', 'offer.paused', { ...valid('offer.paused'), type: 'transaction' });
badShape('author library in capitals (Hamar)', 'offer.paused', { ...valid('offer.paused'), by: { library: 'Hamar' } });
badShape('author role "admin"', 'offer.paused', { ...valid('offer.paused'), by: { library: 'hamar', role: 'admin' } });
badShape('author with an unknown field', 'offer.paused', { ...valid('offer.paused'), by: { library: 'hamar', device: 'pc-3' } });
badShape('author person of 65 characters', 'offer.paused', { ...valid('offer.paused'), by: { library: 'hamar', person: 'p'.repeat(65) } });
badShape('author as a plain string', 'offer.paused', { ...valid('offer.paused'), by: 'hamar' });
badShape('_rev that is not text', 'offer.paused', { ...valid('offer.paused'), _rev: 1 });

// 5. Authority: the shape is fine, the writer may not write it.
add({
	name: 'forged author: Hamar writes as Tolga',
	doc: { ...valid('request.posted'), by: { library: 'tolga' } },
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'forged author: Elverum completes an exchange as Tolga',
	doc: { ...valid('exchange.completed'), by: { library: 'tolga' } },
	user: users.elverum,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'the county may only write as its own library too',
	doc: { ...valid('offer.posted'), by: { library: 'hamar' } },
	user: users.county,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'a librarian claims the county role',
	doc: { ...valid('offer.posted'), by: { library: 'hamar', role: 'county' } },
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'policy.set by a librarian (Hamar)',
	doc: { ...valid('policy.set'), by: { library: 'hamar' } },
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'policy.set by a librarian claiming the county role',
	doc: { ...valid('policy.set'), by: { library: 'hamar', role: 'county' } },
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'exchange.reversed by a librarian (Elverum)',
	doc: { ...valid('exchange.reversed'), by: { library: 'elverum' } },
	user: users.elverum,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'policy.set by the county user without by.role "county"',
	doc: { ...valid('policy.set'), by: { library: 'fylkesbiblioteket' } },
	user: users.county,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'transaction by a user not yet approved (no librarian role)',
	doc: valid('offer.posted'),
	user: users.pending,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'transaction by a librarian without a library',
	doc: valid('offer.posted'),
	user: users.homeless,
	domain: 'valid',
	server: 'forbid'
});

// 6. Transactions are write-once.
addUnsealed({
	name: 'update of an existing transaction (days changed) by its own author',
	doc: { ...valid('offer.posted'), _rev: REV1, days: 3 },
	oldDoc: { ...valid('offer.posted'), _rev: REV1 },
	user: users.hamar,
	// The content no longer matches the id, which the domain sees too.
	domain: 'invalid',
	server: 'forbid'
});
add({
	name: 'identical rewrite of an existing transaction',
	doc: { ...valid('exchange.completed'), _rev: REV1 },
	oldDoc: { ...valid('exchange.completed'), _rev: REV1 },
	user: users.elverum,
	domain: 'valid',
	server: 'forbid'
});
addUnsealed({
	name: 'the county rewrites a completion instead of reversing it',
	doc: { ...valid('exchange.completed'), _rev: REV1, days: 1 },
	oldDoc: { ...valid('exchange.completed'), _rev: REV1 },
	user: users.county,
	domain: 'invalid',
	server: 'forbid'
});
// CouchDB passes no old revision for a replicated branch beside an existing document
// (new_edits: false, a first-generation revision of its own): only the content hash stops it.
addUnsealed({
	name: 'a replicated first-generation branch with other content under an existing id (1 day became 20)',
	doc: { ...valid('offer.posted'), _rev: '1-00000000000000000000000000000000', _revisions: { start: 1, ids: ['00000000000000000000000000000000'] }, days: 20 },
	user: users.hamar,
	domain: 'invalid',
	server: 'forbid'
});
addUnsealed({
	name: 'a forged branch with other content, written by a server admin',
	doc: { ...valid('exchange.completed'), _rev: '1-00000000000000000000000000000000', days: 0.5 },
	user: users.admin,
	domain: 'invalid',
	server: 'forbid'
});
add({
	name: 'a replicated first-generation branch with the same content (harmless: nothing to fold differently)',
	doc: { ...valid('offer.posted'), _rev: '1-00000000000000000000000000000000', _revisions: { start: 1, ids: ['00000000000000000000000000000000'] } },
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});

// 6b. Clocks: nothing stamped ahead of the server's clock by more than five minutes.
const inMinutes = (minutes: number, library: Library) => formatStamp({ ms: Date.now() + minutes * 60_000, counter: 0 }, DEVICES[library]);
add({
	name: 'a transaction stamped five years ahead of the server\'s clock',
	doc: restamped(valid('offer.posted'), inMinutes(5 * 365 * 24 * 60, 'hamar')),
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'a transaction stamped ten minutes ahead, written by a server admin',
	doc: restamped(valid('policy.set'), inMinutes(10, 'fylkesbiblioteket')),
	user: users.admin,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'a transaction stamped four minutes ahead (a clock a little fast)',
	doc: restamped(valid('offer.posted'), inMinutes(4, 'hamar')),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'a transaction stamped a year behind (a clock that was reset)',
	doc: restamped(valid('offer.posted'), inMinutes(-365 * 24 * 60, 'hamar')),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'a person edit stamped a day ahead (it would win every conflict)',
	doc: personDoc('hamar', { updated: inMinutes(24 * 60, 'hamar') }),
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'delete of an existing transaction',
	doc: tombstone(valid('exchange.accepted')),
	oldDoc: { ...valid('exchange.accepted'), _rev: REV1 },
	user: users.hamar,
	domain: 'n/a',
	server: 'forbid'
});
add({
	name: 'delete of an existing transaction by the county',
	doc: tombstone(valid('exchange.completed')),
	oldDoc: { ...valid('exchange.completed'), _rev: REV1 },
	user: users.county,
	domain: 'n/a',
	server: 'forbid'
});
add({
	name: 'a transaction born deleted',
	doc: { ...valid('offer.posted'), _deleted: true },
	user: users.hamar,
	domain: 'invalid',
	server: 'forbid'
});

// 7. Library documents.
add({ name: 'the county registers Tolga', doc: libraryDoc('tolga'), user: users.county, domain: 'valid', server: 'allow' });
add({ name: 'the county registers itself (county: true)', doc: libraryDoc('fylkesbiblioteket'), user: users.county, domain: 'valid', server: 'allow' });
add({
	name: 'library with only the required fields (town may be empty, email empty)',
	doc: without(libraryDoc('eidskog', { town: '', email: '' }), 'address', 'openingHours', 'phone'),
	user: users.county,
	domain: 'valid',
	server: 'allow'
});
add({ name: 'Hamar registers itself (not the county)', doc: libraryDoc('hamar'), user: users.hamar, domain: 'valid', server: 'forbid' });
add({
	name: 'Hamar updates its opening hours',
	doc: libraryDoc('hamar', { _rev: REV1, openingHours: 'Man–fre 09–19, lør 10–15', updated: STAMP.libraryUpdated }),
	oldDoc: libraryDoc('hamar', { _rev: REV1 }),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'Hamar writes county: false where it was absent (no change)',
	doc: libraryDoc('hamar', { _rev: REV1, county: false }),
	oldDoc: libraryDoc('hamar', { _rev: REV1 }),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'Hamar changes Tolga\'s phone number',
	doc: libraryDoc('tolga', { _rev: REV1, phone: '+47 400 00 000' }),
	oldDoc: libraryDoc('tolga', { _rev: REV1 }),
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'Hamar makes itself the county library',
	doc: libraryDoc('hamar', { _rev: REV1, county: true }),
	oldDoc: libraryDoc('hamar', { _rev: REV1 }),
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'Hamar reactivates itself',
	doc: libraryDoc('hamar', { _rev: REV1, active: true }),
	oldDoc: libraryDoc('hamar', { _rev: REV1, active: false }),
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'the county deactivates Elverum',
	doc: libraryDoc('elverum', { _rev: REV1, active: false }),
	oldDoc: libraryDoc('elverum', { _rev: REV1 }),
	user: users.county,
	domain: 'valid',
	server: 'allow'
});
add({ name: 'Hamar deletes its own library', doc: tombstone(libraryDoc('hamar')), oldDoc: libraryDoc('hamar', { _rev: REV1 }), user: users.hamar, domain: 'n/a', server: 'forbid' });
add({ name: 'the county deletes Eidskog', doc: tombstone(libraryDoc('eidskog')), oldDoc: libraryDoc('eidskog', { _rev: REV1 }), user: users.county, domain: 'n/a', server: 'allow' });
add({
	name: 'library whose _id does not match its slug',
	doc: libraryDoc('tolga', { _id: 'library:tolga-bibliotek' }),
	user: users.county,
	// Both require _id = "library:" + slug: one library, one document.
	domain: 'invalid',
	server: 'forbid'
});
add({ name: 'library with country "no" in lower case', doc: libraryDoc('tolga', { country: 'no' }), user: users.county, domain: 'invalid', server: 'forbid' });
add({ name: 'library at latitude 95', doc: libraryDoc('tolga', { lat: 95 }), user: users.county, domain: 'invalid', server: 'forbid' });
add({ name: 'library without active', doc: without(libraryDoc('tolga'), 'active'), user: users.county, domain: 'invalid', server: 'forbid' });
add({ name: 'library with a broken email', doc: libraryDoc('tolga', { email: 'post at tolga' }), user: users.county, domain: 'invalid', server: 'forbid' });
add({ name: 'library with an unknown field', doc: libraryDoc('tolga', { director: 'Anne Lund' }), user: users.county, domain: 'invalid', server: 'forbid' });
add({ name: 'library with updated that is not a stamp', doc: libraryDoc('tolga', { updated: '2026-02-02' }), user: users.county, domain: 'invalid', server: 'forbid' });
add({
	name: 'library read with conflicts (_conflicts allowed by both)',
	doc: libraryDoc('hamar', { _rev: REV1, _conflicts: ['1-0000000000000000000000000000bbbb'] }),
	oldDoc: libraryDoc('hamar', { _rev: REV1 }),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});

// 8. Person documents.
add({ name: 'Hamar registers one of its librarians', doc: personDoc('hamar'), user: users.hamar, domain: 'valid', server: 'allow' });
add({
	name: 'person with only the required fields (no skills yet)',
	doc: without(personDoc('elverum', { skills: [], languages: [] }), 'title', 'phone', 'email', 'bestAt', 'bio'),
	user: users.elverum,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'a person with notice preferences and an e-mail language',
	doc: personDoc('hamar', { notify: { 'urgent-request': 'never', 'proposal-to-answer': 'digest', 'visit-report': 'now' }, locale: 'nn' }),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});
add({ name: 'a person with empty notice preferences', doc: personDoc('hamar', { notify: {} }), user: users.hamar, domain: 'valid', server: 'allow' });
add({ name: 'notice preference for an unknown kind', doc: personDoc('hamar', { notify: { newsletter: 'now' } }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'notice preference that is no choice', doc: personDoc('hamar', { notify: { collision: 'weekly' } }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'notice preferences as a list', doc: personDoc('hamar', { notify: ['collision'] }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'e-mail language the app does not speak', doc: personDoc('hamar', { locale: 'de' }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'Hamar registers a person for Tolga', doc: personDoc('tolga'), user: users.hamar, domain: 'valid', server: 'forbid' });
add({ name: 'the county registers a person for Elverum', doc: personDoc('elverum'), user: users.county, domain: 'valid', server: 'allow' });
add({
	name: 'Tolga updates its own person',
	doc: personDoc('tolga', { _rev: REV1, title: 'Biblioteksjef', updated: STAMP.personUpdated }),
	oldDoc: personDoc('tolga', { _rev: REV1 }),
	user: users.tolga,
	domain: 'valid',
	server: 'allow'
});
add({
	name: 'Hamar steals Tolga\'s person (library changed to hamar)',
	doc: personDoc('hamar', { _id: 'person:tolga-1', _rev: REV1 }),
	oldDoc: personDoc('tolga', { _rev: REV1 }),
	user: users.hamar,
	domain: 'valid',
	server: 'forbid'
});
add({
	name: 'the county moves a person from Tolga to Hamar',
	doc: personDoc('hamar', { _id: 'person:tolga-1', _rev: REV1 }),
	oldDoc: personDoc('tolga', { _rev: REV1 }),
	user: users.county,
	domain: 'valid',
	server: 'allow'
});
add({ name: 'Hamar erases its own person', doc: tombstone(personDoc('hamar')), oldDoc: personDoc('hamar', { _rev: REV1 }), user: users.hamar, domain: 'n/a', server: 'allow' });
add({ name: 'Hamar erases Tolga\'s person', doc: tombstone(personDoc('tolga')), oldDoc: personDoc('tolga', { _rev: REV1 }), user: users.hamar, domain: 'n/a', server: 'forbid' });
add({ name: 'the county erases a person at Eidskog', doc: tombstone(personDoc('eidskog')), oldDoc: personDoc('eidskog', { _rev: REV1 }), user: users.county, domain: 'n/a', server: 'allow' });
add({
	name: 'a deleted person that keeps their details',
	doc: { ...personDoc('hamar'), _rev: REV1, _deleted: true },
	oldDoc: personDoc('hamar', { _rev: REV1 }),
	user: users.hamar,
	domain: 'n/a',
	server: 'forbid'
});
add({ name: 'person with skill level 4', doc: personDoc('hamar', { skills: [{ skill: 'cataloguing', level: 4 }] }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'person with skill level "3" as text', doc: personDoc('hamar', { skills: [{ skill: 'cataloguing', level: '3' }] }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({
	name: 'person with 21 skills',
	doc: personDoc('hamar', { skills: Array.from({ length: 21 }, (_, i) => ({ skill: `skill-${i}`, level: 1 })) }),
	user: users.hamar,
	domain: 'invalid',
	server: 'forbid'
});
add({ name: 'person with a language of 41 characters', doc: personDoc('hamar', { languages: ['n'.repeat(41)] }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'person with a national identity number field', doc: personDoc('hamar', { nationalId: '01019912345' }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'person with a blank name', doc: personDoc('hamar', { name: '   ' }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'person whose _id does not start with person:', doc: personDoc('hamar', { _id: 'people:hamar-1' }), user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'person without languages', doc: without(personDoc('hamar'), 'languages'), user: users.hamar, domain: 'invalid', server: 'forbid' });

// 9. Size.
add({
	name: 'oversized offer: description padded with 20,000 spaces',
	doc: { ...valid('offer.posted'), description: 'Katalogisering. ' + ' '.repeat(20_000) },
	user: users.hamar,
	// Lengths are measured as stored, so padding cannot get past the 1000-character cap.
	domain: 'invalid',
	server: 'forbid'
});
add({
	name: 'oversized person: a 20,000-character bio',
	doc: personDoc('hamar', { bio: 'Lang historie. '.repeat(1400) }),
	user: users.hamar,
	domain: 'invalid',
	server: 'forbid'
});
add({
	name: 'a long revision history does not count towards the size',
	doc: libraryDoc('hamar', { _rev: '900-' + 'a'.repeat(32), _revisions: { start: 900, ids: Array.from({ length: 900 }, (_, i) => i.toString(16).padStart(32, '0')) } }),
	oldDoc: libraryDoc('hamar', { _rev: '899-' + 'b'.repeat(32) }),
	user: users.hamar,
	domain: 'valid',
	server: 'allow'
});

// 10. Everything else.
add({ name: 'unknown document type (note:)', doc: { _id: 'note:hamar-1', type: 'note', text: 'Husk møtet' }, user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'document without a type prefix (a random uuid)', doc: { _id: '3f1c9a4e-7b2d-4e5f-9a8b-1c2d3e4f5a6b', ...without(valid('offer.posted'), '_id') }, user: users.hamar, domain: 'invalid', server: 'forbid' });
add({ name: 'transaction type under a library id', doc: { ...valid('offer.paused'), _id: 'library:hamar' }, user: users.hamar, domain: 'invalid', server: 'forbid' });
add({
	name: 'a design document written by the county',
	doc: { _id: '_design/validation', language: 'javascript', validate_doc_update: 'function () {}' },
	user: users.county,
	domain: 'n/a',
	server: 'forbid'
});
add({
	name: 'a design document written by a server admin',
	doc: { _id: '_design/validation', language: 'javascript', validate_doc_update: 'function () {}' },
	user: users.admin,
	domain: 'n/a',
	server: 'allow'
});
add({ name: 'anonymous user writes a valid offer', doc: valid('offer.posted'), user: users.anonymous, domain: 'valid', server: 'unauthorized' });
add({ name: 'anonymous user deletes a person', doc: tombstone(personDoc('hamar')), oldDoc: personDoc('hamar', { _rev: REV1 }), user: users.anonymous, domain: 'n/a', server: 'unauthorized' });

export const corpus: readonly CorpusCase[] = cases;
