/**
 * One corpus, two validators: the domain's validateDocument (what the app checks) and the
 * server's validate_doc_update (couchdb/design/validate.js) must agree on every document in
 * tests/corpus/documents.ts, and on thousands of documents made by mutating its valid ones.
 *
 * They differ only where the server knows more, and the property says so explicitly:
 * authority (the county-only kinds), the size cap, and the library _id = "library:" + slug rule.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDocUpdateSource } from '../../couchdb/design/validate-source';
import { contentHash } from '../../src/lib/domain/content-hash';
import { isStampedAhead } from '../../src/lib/domain/ids';
import { validateDocument } from '../../src/lib/domain/validation';
import {
	COUNTY_ONLY_KINDS,
	MAX_DOC_JSON,
	SEC_OBJ,
	corpus,
	libraryDoc,
	personDoc,
	seal,
	users,
	validTransactions,
	type CorpusUser,
	type Doc
} from './documents';

type ValidateDocUpdate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
type Verdict = { outcome: 'allow' } | { outcome: 'forbid' | 'unauthorized'; reason: string };

const source = validateDocUpdateSource;
const validateDocUpdate = new Function('return (' + source + ')')() as ValidateDocUpdate;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text for a role name, safe for any generated value (even objects without a prototype). */
function textOf(value: unknown): string {
	return typeof value === 'string' ? value : typeof value;
}

/** Runs the server's function the way CouchDB calls it. */
function judge(doc: unknown, oldDoc: unknown, user: CorpusUser): Verdict {
	const userCtx = { db: 'byttebank', name: user.name, roles: [...user.roles] };
	try {
		validateDocUpdate(doc, oldDoc ?? null, userCtx, SEC_OBJ);
		return { outcome: 'allow' };
	} catch (error) {
		if (isRecord(error) && typeof error.forbidden === 'string') return { outcome: 'forbid', reason: error.forbidden };
		if (isRecord(error) && typeof error.unauthorized === 'string') {
			return { outcome: 'unauthorized', reason: error.unauthorized };
		}
		throw error;
	}
}

function expectReadable(reason: string): void {
	expect(reason.length).toBeGreaterThan(15);
	expect(reason).toMatch(/^[A-Z"]/);
	expect(reason).toMatch(/[.]$/);
	expect(reason).not.toMatch(/undefined|\[object|NaN/);
}

describe('validate.js', () => {
	it('is assembled from validate.js with the content hash written into it', () => {
		const file = readFileSync(new URL('../../couchdb/design/validate.js', import.meta.url), 'utf8');
		expect(file).toContain('// @include content-hash.es5.js');
		expect(source).not.toContain('// @include');
		expect(source).toContain('function sha256Ascii(text)');
		expect(source.length).toBeGreaterThan(file.length);
	});

	it('is one function expression, as couchdb-eval (express-pouchdb) and CouchDB evaluate it', () => {
		expect(source.startsWith('function (newDoc, oldDoc, userCtx, secObj) {')).toBe(true);
		expect(source.trimEnd().endsWith('}')).toBe(true);
		// couchdb-eval: `return <source without a trailing ;>` — a leading comment would break it.
		const fn: unknown = new Function('return ' + source.replace(/;\s*$/, ''))();
		expect(typeof fn).toBe('function');
	});

	it('parses as ECMAScript 5 (no arrows, let/const, templates, new regex flags)', () => {
		expect(() => parse('(' + source + ')', { ecmaVersion: 5 })).not.toThrow();
	});

	it('uses no library function newer than ES5', () => {
		const code = source.replace(/\/\/.*$/gm, '');
		const newer = [
			/=>/,
			/\blet\s/,
			/\bconst\s/,
			/`/,
			/\.includes\(/,
			/\.startsWith\(/,
			/\.endsWith\(/,
			/\.padStart\(/,
			/\.padEnd\(/,
			/\.repeat\(/,
			/\.find(Index)?\(/,
			/\.trim(Start|End)\(/,
			/Number\.is/,
			/Object\.(assign|entries|values)/,
			/Array\.(from|of)\(/,
			/\bnew (Set|Map|WeakMap|Symbol|Proxy)\b/,
			/\/[gimsuy]*[suy][gimsuy]*\.test/
		];
		for (const pattern of newer) expect(code, String(pattern)).not.toMatch(pattern);
	});
});

describe('the corpus', () => {
	it('is large and covers every transaction kind with a valid, allowed example', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(60);
		for (const kind of Object.keys(validTransactions)) {
			const allowed = corpus.filter(
				(c) => c.doc.kind === kind && c.domain === 'valid' && c.server === 'allow'
			);
			expect(allowed.length, kind).toBeGreaterThan(0);
		}
	});

	it('has unique case names', () => {
		expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
	});
});

describe('the domain (validateDocument) on the corpus', () => {
	it.each(corpus.filter((c) => c.domain !== 'n/a'))('$name → $domain', (c) => {
		const result = validateDocument(structuredClone(c.doc));
		expect(result.ok, JSON.stringify(result.ok ? 'ok' : result.issues)).toBe(c.domain === 'valid');
	});
});

describe('the server (validate_doc_update) on the corpus', () => {
	it.each(corpus)('$name → $server', (c) => {
		const doc = structuredClone(c.doc);
		const oldDoc = c.oldDoc ? structuredClone(c.oldDoc) : null;
		const verdict = judge(doc, oldDoc, c.user);
		expect(verdict.outcome, verdict.outcome === 'allow' ? 'allowed' : verdict.reason).toBe(c.server);
		if (verdict.outcome !== 'allow') expectReadable(verdict.reason);
		// It never changes what it is given.
		expect(doc).toStrictEqual(c.doc);
		expect(oldDoc).toStrictEqual(c.oldDoc ?? null);
	});
});

// ---- one corpus, two validators: mutations of the valid documents ---------------------------

type Path = Array<string | number>;
type Node = { path: Path; value: unknown };

function nodesOf(value: unknown, path: Path = [], out: Node[] = []): Node[] {
	if (Array.isArray(value)) {
		value.forEach((item: unknown, i) => {
			out.push({ path: [...path, i], value: item });
			nodesOf(item, [...path, i], out);
		});
	} else if (isRecord(value)) {
		for (const key of Object.keys(value)) {
			out.push({ path: [...path, key], value: value[key] });
			nodesOf(value[key], [...path, key], out);
		}
	}
	return out;
}

function at(root: unknown, path: Path): unknown {
	let node = root;
	for (const key of path) node = (node as Record<string | number, unknown>)[key];
	return node;
}

function setAt(root: Doc, path: Path, value: unknown): void {
	const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
	parent[path[path.length - 1]!] = value;
}

function deleteAt(root: Doc, path: Path): void {
	const parent = at(root, path.slice(0, -1));
	const last = path[path.length - 1]!;
	if (Array.isArray(parent)) parent.splice(Number(last), 1);
	else delete (parent as Record<string | number, unknown>)[last];
}

type Mutation =
	| { op: 'drop'; pick: number }
	| { op: 'add'; pick: number; key: string; value: unknown }
	| { op: 'number'; pick: number; value: number }
	| { op: 'string'; pick: number; value: string }
	| { op: 'retype'; pick: number; value: unknown }
	| { op: 'array'; pick: number; how: 'duplicate' | 'clear' | 'grow' | 'push'; value: unknown };

/** Fields the server allows beyond the domain's schemas (CouchDB's own); never added here. */
const COUCH_ONLY = new Set(['_revisions', '_conflicts', '_deleted', '__proto__']);

/** Applies one mutation in place; generated values are copied, never shared between runs. */
function applyMutation(doc: Doc, m: Mutation): void {
	const all = nodesOf(doc);
	const pickFrom = <T>(list: T[]): T | undefined => (list.length ? list[m.pick % list.length] : undefined);
	switch (m.op) {
		case 'drop': {
			const node = pickFrom(all);
			if (node) deleteAt(doc, node.path);
			return;
		}
		case 'add': {
			if (COUCH_ONLY.has(m.key)) return;
			const containers: Path[] = [[], ...all.filter((n) => isRecord(n.value)).map((n) => n.path)];
			const target = pickFrom(containers)!;
			setAt(doc, [...target, m.key], structuredClone(m.value));
			return;
		}
		case 'number':
		case 'string': {
			const node = pickFrom(all.filter((n) => typeof n.value === (m.op === 'number' ? 'number' : 'string')));
			if (node) setAt(doc, node.path, m.value);
			return;
		}
		case 'retype': {
			const node = pickFrom(all);
			if (node) setAt(doc, node.path, structuredClone(m.value));
			return;
		}
		case 'array': {
			const node = pickFrom(all.filter((n) => Array.isArray(n.value)));
			if (!node) return;
			const list = node.value as unknown[];
			if (m.how === 'clear') list.length = 0;
			else if (m.how === 'duplicate' && list.length) list.push(structuredClone(list[0]));
			else if (m.how === 'grow' && list.length) while (list.length < 21) list.push(structuredClone(list[list.length - 1]));
			else list.push(structuredClone(m.value));
			return;
		}
	}
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const numbers = fc.oneof(
	fc.integer({ min: -4, max: 50 }).map((n) => n / 2),
	fc.double(),
	fc.integer({ min: -100, max: 110_000 }),
	fc.constantFrom(0, -0, 0.25, 0.5, 0.75, 19.5, 20, 20.5, 90, 90.0001, -90, -180, 180.5, 100, 2000, 2000.5, 5000, 10_000, 100_000, 100_000.01, 1, 2, 3, 4, 1e-300, Number.MAX_VALUE)
);

const whitespace = fc.constantFrom(' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\ufeff', '\u3000', '\u200b', '\u180e');

const strings = fc.oneof(
	fc.string({ maxLength: 20 }),
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.string({ minLength: 30, maxLength: 2100 }),
	fc.stringMatching(/^[a-z0-9-]{0,42}$/),
	fc.stringMatching(/^[0-9a-zA-Z]{8,10}-[0-9a-z]{3,5}-[a-z0-9]{7,33}$/),
	fc.stringMatching(/^[0-9a-z]{9}-[0-9a-z]{4}-[a-z0-9]{7,33}$/).map((id) => 'tx:' + id),
	fc
		.tuple(
			fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1900, 2000, 2024, 2026, 2027, 2028, 2100, 2400, 9999)),
			fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constant(2)),
			fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31))
		)
		.map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
	fc
		.tuple(fc.string({ maxLength: 6 }), whitespace, fc.integer({ min: 0, max: 9000 }))
		.map(([s, ws, n]) => ws.repeat(n) + s + ws.repeat(n)),
	fc.emailAddress(),
	fc.constantFrom('', ' ', 'x', 'county', 'planned', 'urgent', 'tx', 'library', 'person', 'NO', 'no', 'SE', 'a@b.c', 'a@b', 'hamar', 'Hamar', 'offer.posted', 'policy.set', 'exchange.reversed')
);

const otherValues = fc.oneof(
	fc.constantFrom<unknown>(null, true, false, undefined, [], {}, [1], { from: '2026-03-02', to: '2026-03-06' }),
	numbers,
	strings,
	fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })
);

const keys = fc.oneof(
	fc.constantFrom('status', 'note', 'extra', '_attachments', '_rev', '_id', 'type', 'kind', 'by', 'days', 'dates', 'reason', 'travel', 'person', 'role', 'library', 'slug', 'county', 'active', 'from', 'to', 'km', 'meals', 'maxTravelKm', 'email', 'bio', 'title', 'level', 'skill', 'constructor', 'toString'),
	fc.string({ maxLength: 8 })
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
	fc.record({ op: fc.constant('add' as const), pick: fc.nat(), key: keys, value: otherValues }),
	fc.record({ op: fc.constant('number' as const), pick: fc.nat(), value: numbers }),
	fc.record({ op: fc.constant('string' as const), pick: fc.nat(), value: strings }),
	fc.record({ op: fc.constant('retype' as const), pick: fc.nat(), value: otherValues }),
	fc.record({
		op: fc.constant('array' as const),
		pick: fc.nat(),
		how: fc.constantFrom('duplicate' as const, 'clear' as const, 'grow' as const, 'push' as const),
		value: otherValues
	})
);

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

function mutate(base: Doc, list: Mutation[]): Doc {
	const doc = structuredClone(base);
	for (const m of list) applyMutation(doc, m);
	return doc;
}

/** As the server measures it: the revision history CouchDB attaches does not count. */
function fitsSize(doc: Doc): boolean {
	const { _revisions, ...sized } = doc;
	void _revisions;
	return JSON.stringify(sized).length <= MAX_DOC_JSON;
}

/** The transaction's own author: its library's role, plus `county` when it writes as the county. */
function authorOf(doc: Doc): CorpusUser {
	const by = isRecord(doc.by) ? doc.by : {};
	const roles = ['librarian', `library:${textOf(by.library)}`];
	if (by.role === 'county') roles.push('county');
	return { name: 'writer', roles };
}

/**
 * Who writes a generated document so that only its content can be at fault: the author of a
 * transaction, the county registering a library, a person's own library.
 */
function writerOf(doc: Doc): CorpusUser {
	if (doc.type === 'library') return users.county;
	if (doc.type === 'person') return { name: 'writer', roles: ['librarian', `library:${textOf(doc.library)}`] };
	return authorOf(doc);
}

/**
 * What the server must answer for a new document written by writerOf(doc): what the domain
 * accepts, minus the rules only the server has. These are the size cap, the county-only kinds
 * (by.role "county"), and a library's _id = "library:" + slug. Nothing else may differ.
 */
function expectedOf(doc: Doc): 'allow' | 'forbid' {
	if (!validateDocument(doc).ok || !fitsSize(doc)) return 'forbid';
	const stamp = doc.type === 'tx' ? String(doc._id).slice(3) : typeof doc.updated === 'string' ? doc.updated : '';
	if (stamp && isStampedAhead(stamp, Date.now())) return 'forbid';
	if (doc.type === 'tx' && COUNTY_ONLY_KINDS.includes(textOf(doc.kind))) {
		return isRecord(doc.by) && doc.by.role === 'county' ? 'allow' : 'forbid';
	}
	if (doc.type === 'library') return doc._id === `library:${textOf(doc.slug)}` ? 'allow' : 'forbid';
	return 'allow';
}

function describeRun(doc: Doc, verdict: Verdict, expected: string): string {
	const result = validateDocument(doc);
	return JSON.stringify(
		{
			expected,
			server: verdict.outcome === 'allow' ? 'allow' : verdict.reason,
			domain: result.ok ? 'ok' : result.issues,
			doc
		},
		(_key, value: unknown) => (typeof value === 'string' && value.length > 200 ? value.slice(0, 200) + `…(${value.length})` : value)
	);
}

interface Tally {
	allow: number;
	forbid: number;
}

/**
 * Asserts the server answers what expectedOf says for the writer, counting both outcomes. A
 * transaction is sealed again first (its id made to match its changed content), so that what
 * is tested is the change itself; `sealed: false` tests the content hash.
 */
function agree(input: Doc, tally: Tally, sealed = true): void {
	const doc = sealed ? seal(input) : input;
	const expected = expectedOf(doc);
	const verdict = judge(doc, null, writerOf(doc));
	if (verdict.outcome !== expected) throw new Error(describeRun(doc, verdict, expected));
	tally[expected] += 1;
}

const TX_RUNS = 3000;
const DIRECTORY_RUNS = 1000;

describe('one corpus, two validators (dates)', () => {
	// The domain checks dates with Date; the server (no reliable Date parsing on every engine)
	// with calendar arithmetic. Both must agree on every day of every month, leap years included.
	it('agree on every YYYY-MM-DD with month 00–13 and day 00–32 in leap and common years', () => {
		const base = validTransactions['exchange.proposed'].build();
		const tally: Tally = { allow: 0, forbid: 0 };
		for (const year of [0, 4, 100, 400, 1900, 2000, 2024, 2026, 2028, 2100, 9999]) {
			for (let month = 0; month <= 13; month++) {
				for (let day = 0; day <= 32; day++) {
					const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
					agree({ ...base, dates: { from: date, to: date } }, tally);
				}
			}
		}
		expect(tally.allow + tally.forbid).toBe(11 * 14 * 33);
		expect(tally.allow).toBe(11 * 365 + 6); // 0, 4, 400, 2000, 2024 and 2028 are leap years
	});

	it('refuse dates that only look right', () => {
		const base = validTransactions['exchange.proposed'].build();
		for (const date of ['2026-3-02', '2026-03-2', '20260302', '2026-03-02T00:00', ' 2026-03-02', '2026-03-02\n', '２０２６-03-02', '+02026-03-02', '2026/03/02']) {
			const doc = { ...base, dates: { from: date, to: '2026-03-03' } };
			expect(validateDocument(doc).ok, date).toBe(false);
			expect(judge(doc, null, users.elverum).outcome, date).toBe('forbid');
		}
	});
});

// ---- one corpus, two validators: every field at and around its limits ----------------------

const lengths = (max: number) => [0, 1, max - 1, max, max + 1].filter((n) => n >= 0);

function textValues(max: number): unknown[] {
	return [
		...lengths(max).map((n) => 'x'.repeat(n)),
		'   ',
		'\u00a0\u3000',
		'  ' + 'x'.repeat(max) + '\n\t',
		'x'.repeat(max - 1) + '\u{1F600}', // a surrogate pair: max + 1 UTF-16 units
		'\u200b',
		42,
		null,
		['x']
	];
}

const slugValues: unknown[] = [
	...[0, 1, 2, 39, 40, 41, 42].map((n) => 'a'.repeat(n)),
	'a' + '-'.repeat(38) + 'a',
	'a' + '-'.repeat(39) + 'a',
	'a-',
	'-a',
	'a-b',
	'a--b',
	'0-9',
	'A',
	'hamar ',
	'ø',
	'a_b',
	'a.b',
	7,
	null
];

function idPart(n: number, c = 'a'): string {
	return c.repeat(n);
}

const HASH = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 26);
const stampValues: unknown[] = [
	...[8, 9, 10].map((ms) => `${idPart(ms, '0')}-0000-hamarskranke01`),
	...[3, 4, 5].map((counter) => `0ml4vrluo-${idPart(counter, 'z')}-hamarskranke01`),
	...[7, 8, 32, 33].map((device) => `0ml4vrluo-0000-${idPart(device, '9')}`),
	'0ML4VRLUO-0000-hamarskranke01',
	'0ml4vrluo-0000-hamar-skranke01',
	'0ml4vrluo_0000_hamarskranke01',
	' 0ml4vrluo-0000-hamarskranke01',
	'0ml4vrluo-0000-hamarskranke01 ',
	`0ml4vrluo-0000-hamarskranke01-${HASH}`,
	'',
	12345
];

const txIdValues: unknown[] = [
	...[8, 9, 10].map((ms) => `${idPart(ms, '0')}-0000-hamarskranke01-${HASH}`),
	...[7, 8, 32, 33].map((device) => `0ml4vrluo-0000-${idPart(device, '9')}-${HASH}`),
	...[25, 26, 27].map((n) => `0ml4vrluo-0000-hamarskranke01-${idPart(n, 'q')}`),
	`0ml4vrluo-0000-hamarskranke01-${idPart(26, '1')}`,
	`0ml4vrluo-0000-hamarskranke01-${HASH.toUpperCase()}`,
	'0ml4vrluo-0000-hamarskranke01',
	`0ml4vrluo-0000-hamarskranke01_${HASH}`,
	` 0ml4vrluo-0000-hamarskranke01-${HASH}`,
	`tx:0ml4vrluo-0000-hamarskranke01-${HASH}`,
	'',
	12345
];

function numberValues(min: number, max: number): unknown[] {
	return [min - 0.5, min - 1e-9, min, min + 1e-9, max - 1e-9, max, max + 1e-9, max + 0.5, 0, -0, 0.25, 0.5, 1.5, 2.25, NaN, Infinity, -Infinity, '1', null, true];
}

const emailValues: unknown[] = [
	'',
	'a@b.c',
	'a@b',
	'@b.c',
	'a@.c',
	'a b@c.d',
	'a@b@c.d',
	' a@b.c',
	'x'.repeat(194) + '@b.com',
	'x'.repeat(195) + '@b.com',
	null
];

const booleanValues: unknown[] = [true, false, 'true', 0, 1, null];

type FieldCase = { base: () => Doc; path: Path; values: unknown[]; sealed?: boolean };

const tx = (kind: keyof typeof validTransactions) => () => validTransactions[kind].build();
const library = () => libraryDoc('tolga');
const person = () => personDoc('hamar');

const FIELDS: FieldCase[] = [
	{ base: tx('offer.posted'), path: ['_id'], values: [validTransactions['offer.posted'].build()._id, ...[...txIdValues, ...stampValues].map((v) => (typeof v === 'string' ? 'tx:' + v : v))], sealed: false },
	{ base: tx('offer.posted'), path: ['by', 'library'], values: slugValues },
	{ base: tx('offer.posted'), path: ['by', 'person'], values: textValues(64) },
	{ base: tx('offer.posted'), path: ['by', 'role'], values: ['county', 'County', '', 'admin', null] },
	{ base: tx('offer.posted'), path: ['skills', 0], values: slugValues },
	{ base: tx('offer.posted'), path: ['description'], values: textValues(1000) },
	{ base: tx('offer.posted'), path: ['days'], values: numberValues(0.5, 20) },
	{ base: tx('offer.posted'), path: ['maxTravelKm'], values: numberValues(0, 2000) },
	{ base: tx('offer.revised'), path: ['offer'], values: txIdValues },
	{ base: tx('request.posted'), path: ['urgency'], values: ['planned', 'urgent', 'Urgent', '', 'asap', 1, null] },
	{ base: tx('request.posted'), path: ['description'], values: textValues(1000) },
	{ base: tx('request.revised'), path: ['request'], values: txIdValues },
	{ base: tx('exchange.proposed'), path: ['days'], values: numberValues(0.5, 20) },
	{ base: tx('exchange.accepted'), path: ['exchange'], values: txIdValues },
	{ base: tx('exchange.declined'), path: ['reason'], values: textValues(500) },
	{ base: tx('exchange.cancelled'), path: ['reason'], values: textValues(500) },
	{ base: tx('exchange.released'), path: ['reason'], values: textValues(500) },
	{ base: tx('exchange.released'), path: ['kept'], values: txIdValues },
	{ base: tx('exchange.withdrawn'), path: ['reason'], values: textValues(500) },
	{ base: tx('request.answered'), path: ['days'], values: numberValues(0.5, 20) },
	{ base: tx('request.answered'), path: ['note'], values: textValues(500) },
	{ base: tx('exchange.reversed'), path: ['reason'], values: textValues(500) },
	{ base: tx('exchange.completed'), path: ['days'], values: numberValues(0.5, 20) },
	{ base: tx('exchange.completed'), path: ['travel', 'km'], values: numberValues(0, 5000) },
	{ base: tx('exchange.completed'), path: ['travel', 'tolls'], values: numberValues(0, 100_000) },
	{ base: tx('exchange.completed'), path: ['travel', 'meals'], values: numberValues(0, 100_000) },
	{ base: tx('policy.set'), path: ['creditLimit'], values: numberValues(0.5, 20) },
	{ base: tx('policy.set'), path: ['travelRatePerKm'], values: numberValues(0, 100) },
	{ base: tx('policy.set'), path: ['mealAllowance'], values: numberValues(0, 10_000) },
	{ base: library, path: ['updated'], values: stampValues },
	{ base: library, path: ['region'], values: slugValues },
	{ base: library, path: ['name'], values: textValues(120) },
	{ base: library, path: ['municipality'], values: textValues(120) },
	{ base: library, path: ['town'], values: textValues(120) },
	{ base: library, path: ['country'], values: ['NO', 'SE', 'no', 'No', 'NOR', 'N', 'ÅÅ', '', null] },
	{ base: library, path: ['lat'], values: numberValues(-90, 90) },
	{ base: library, path: ['lon'], values: numberValues(-180, 180) },
	{ base: library, path: ['address'], values: textValues(200) },
	{ base: library, path: ['openingHours'], values: textValues(500) },
	{ base: library, path: ['phone'], values: textValues(40) },
	{ base: library, path: ['email'], values: emailValues },
	{ base: library, path: ['county'], values: booleanValues },
	{ base: library, path: ['active'], values: booleanValues },
	{ base: person, path: ['_id'], values: ['person:', 'person:x', 'person', 'Person:x', 'people:x', 7] },
	{ base: person, path: ['library'], values: slugValues },
	{ base: person, path: ['name'], values: textValues(120) },
	{ base: person, path: ['title'], values: textValues(120) },
	{ base: person, path: ['phone'], values: textValues(40) },
	{ base: person, path: ['email'], values: emailValues },
	{ base: person, path: ['skills', 0, 'skill'], values: slugValues },
	{ base: person, path: ['skills', 0, 'level'], values: [0, 1, 2, 3, 4, 1.5, -0, '1', null] },
	{ base: person, path: ['bestAt'], values: textValues(1000) },
	{ base: person, path: ['languages', 0], values: textValues(40) },
	{ base: person, path: ['bio'], values: textValues(2000) },
	{ base: person, path: ['updated'], values: stampValues }
];

describe('one corpus, two validators (every field at its limits)', () => {
	const label = (doc: Doc) => (doc.type === 'tx' ? textOf(doc.kind) : textOf(doc.type));
	it.each(FIELDS.map((f) => ({ ...f, field: `${label(f.base())} ${f.path.join('.')}` })))('$field', (f) => {
		const tally: Tally = { allow: 0, forbid: 0 };
		for (const value of [...f.values, undefined]) {
			const doc = structuredClone(f.base());
			if (value === undefined) deleteAt(doc, f.path);
			else setAt(doc, f.path, value);
			agree(doc, tally, f.sealed ?? true);
		}
		// Every field has values on both sides of its limits.
		expect(tally.allow).toBeGreaterThan(0);
		expect(tally.forbid).toBeGreaterThan(0);
	});
});

// ---- one corpus, two validators: mutations of the valid documents ---------------------------

describe('one corpus, two validators (mutated documents)', () => {
	const validTx = corpus.filter((c) => c.doc.type === 'tx' && c.domain === 'valid' && c.server === 'allow' && !c.oldDoc && c.user !== users.admin);

	it(`transactions: the server allows exactly what the domain accepts (${TX_RUNS} runs)`, () => {
		expect(validTx.length).toBeGreaterThanOrEqual(16);
		const tally: Tally = { allow: 0, forbid: 0 };
		fc.assert(
			fc.property(fc.constantFrom(...validTx.map((c) => c.doc)), mutations, (base, list) => {
				agree(mutate(base, list), tally);
			}),
			{ numRuns: TX_RUNS }
		);
		// Both outcomes must be common, or the property proves little.
		expect(tally.allow + tally.forbid).toBe(TX_RUNS);
		expect(tally.allow).toBeGreaterThan(TX_RUNS * 0.05);
		expect(tally.forbid).toBeGreaterThan(TX_RUNS * 0.3);
	});

	it(`transactions: a change to the content of a sealed transaction is refused by both (${TX_RUNS} runs)`, () => {
		const tally: Tally = { allow: 0, forbid: 0 };
		let unchanged = 0;
		fc.assert(
			fc.property(fc.constantFrom(...validTx.map((c) => c.doc)), mutations, (base, list) => {
				const doc = mutate(base, list);
				agree(doc, tally, false);
				const same = typeof doc._id === 'string' && doc._id === base._id && contentHash(doc) === contentHash(base);
				if (same) unchanged += 1;
				// Allowed only where the change left the content as it was (a CouchDB field, say).
				else expect(expectedOf(doc)).toBe('forbid');
			}),
			{ numRuns: TX_RUNS }
		);
		// Every changed document was refused, and the generator mostly changes something.
		expect(tally.forbid).toBeGreaterThanOrEqual(TX_RUNS - unchanged);
		expect(tally.allow).toBeLessThanOrEqual(unchanged);
		expect(unchanged).toBeLessThan(TX_RUNS * 0.25);
	});

	it(`libraries: the county may register exactly what the domain accepts, with _id = library:<slug> (${DIRECTORY_RUNS} runs)`, () => {
		const bases = [libraryDoc('tolga'), libraryDoc('fylkesbiblioteket'), libraryDoc('eidskog', { town: '', email: '' })];
		const tally: Tally = { allow: 0, forbid: 0 };
		fc.assert(
			fc.property(fc.constantFrom(...bases), mutations, (base, list) => {
				agree(mutate(base, list), tally);
			}),
			{ numRuns: DIRECTORY_RUNS }
		);
		expect(tally.allow).toBeGreaterThan(DIRECTORY_RUNS * 0.05);
		expect(tally.forbid).toBeGreaterThan(DIRECTORY_RUNS * 0.3);
	});

	it(`people: their library may register exactly what the domain accepts (${DIRECTORY_RUNS} runs)`, () => {
		const bases = [personDoc('hamar'), personDoc('tolga', { skills: [], languages: [], bio: '' })];
		const tally: Tally = { allow: 0, forbid: 0 };
		fc.assert(
			fc.property(fc.constantFrom(...bases), mutations, (base, list) => {
				agree(mutate(base, list), tally);
			}),
			{ numRuns: DIRECTORY_RUNS }
		);
		expect(tally.allow).toBeGreaterThan(DIRECTORY_RUNS * 0.05);
		expect(tally.forbid).toBeGreaterThan(DIRECTORY_RUNS * 0.3);
	});
});
