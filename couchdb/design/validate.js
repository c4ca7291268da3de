function (newDoc, oldDoc, userCtx, secObj) {
	// Byttebank's validate_doc_update (DESIGN.md section 4, "Who may write what").
	//
	// Plain ES5 on purpose: it must run on every CouchDB engine (SpiderMonkey, QuickJS) and in
	// express-pouchdb. No arrow functions, let/const, template strings, String#startsWith,
	// Array#includes, Number.isInteger, Object.assign, or regex flags beyond i/g/m.
	// The file holds exactly one function expression: couchdb-eval runs `"return " + source`,
	// so nothing (not even a comment) may come before `function`.
	//
	// The shape rules mirror the valibot schemas in src/lib/domain (transactions.ts,
	// directory.ts, schema-parts.ts). tests/corpus checks both against one corpus of documents
	// and against thousands of mutated ones, so they cannot drift apart unnoticed.
	//
	// What the server cannot check: rules that depend on state (other transactions). "Only the
	// host completes", "only the counter-party accepts or declines", "only the owner revises or
	// withdraws an offer", credit limits, offer days left... all need the exchange, offer or
	// request a transaction refers to, which a validate function cannot read. Those stay in the
	// fold (src/lib/domain/fold.ts and rules-*.ts): every replica refuses them the same way. The
	// server guarantees what the fold relies on: the author (by.library) is the writer's own
	// library, county-only acts come from the county, and transactions never change.
	//
	// Engine facts this relies on:
	// - Apache CouchDB never runs validate functions for _design/ or _local/ documents (it only
	//   requires a database admin for _design/), and neither does express-pouchdb. The _design/
	//   rule below is defence in depth: who may write design documents is decided by _security.
	// - express-pouchdb sets newDoc._revisions to oldDoc's _revisions (or undefined), and
	//   CouchDB passes the revision history too: _revisions is allowed and left out of the size.
	// - For a replicated revision on a new branch CouchDB passes oldDoc = null even when the
	//   document exists: write-once can only be checked against the revision being extended.

	var MAX_JSON = 16384;
	var SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
	var TX_ID = /^[0-9a-z]{9}-[0-9a-z]{4}-[a-z0-9]{8,32}-[a-z2-7]{26}$/;
	var STAMP = /^[0-9a-z]{9}-[0-9a-z]{4}-[a-z0-9]{8,32}$/;
	// How far ahead of this server's clock a stamp may be (src/lib/domain/ids.ts MAX_DRIFT_MS).
	var MAX_DRIFT_MS = 300000;
	var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
	var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
	var COUNTRY = /^[A-Z]{2}$/;
	var TX_PREFIX = 'tx:';
	var LIBRARY_PREFIX = 'library:';
	var PERSON_PREFIX = 'person:';
	var hasOwn = Object.prototype.hasOwnProperty;
	var toStr = Object.prototype.toString;

	// ---- refusals -------------------------------------------------------------------------

	function forbid(reason) {
		throw { forbidden: reason };
	}

	function shorten(value) {
		var s = String(value);
		return s.length > 60 ? s.substring(0, 57) + '...' : s;
	}

	function fail(path, problem) {
		forbid('The field "' + (path || 'document') + '" ' + problem + '.');
	}

	function join(path, key) {
		return path ? path + '.' + key : String(key);
	}

	// @include content-hash.es5.js

	// ---- the writer -----------------------------------------------------------------------

	var roles = userCtx && toStr.call(userCtx.roles) === '[object Array]' ? userCtx.roles : [];

	function hasRole(role) {
		for (var i = 0; i < roles.length; i++) {
			if (roles[i] === role) return true;
		}
		return false;
	}

	var ownLibraries = [];
	for (var r = 0; r < roles.length; r++) {
		if (typeof roles[r] === 'string' && roles[r].indexOf(LIBRARY_PREFIX) === 0) {
			ownLibraries.push(roles[r].substring(LIBRARY_PREFIX.length));
		}
	}

	function ownLibraryText() {
		return ownLibraries.length ? ownLibraries.join(', ') : 'none';
	}

	// ---- value checks: each one refuses with a sentence or returns ---------------------------

	function isArray(value) {
		return toStr.call(value) === '[object Array]';
	}

	function isObject(value) {
		return value !== null && typeof value === 'object' && !isArray(value);
	}

	function isNumber(value) {
		return typeof value === 'number' && !isNaN(value);
	}

	function isDayAmount(n) {
		return typeof n === 'number' && isFinite(n) && Math.floor(n / 0.5) === n / 0.5 && n >= 0.5 && n <= 20;
	}

	function isIsoDate(value) {
		var m = ISO_DATE.exec(value);
		if (!m) return false;
		var year = parseInt(m[1], 10);
		var month = parseInt(m[2], 10);
		var day = parseInt(m[3], 10);
		if (month < 1 || month > 12 || day < 1) return false;
		var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
		var lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
		return day <= lengths[month - 1];
	}

	function text(value, path) {
		if (typeof value !== 'string') fail(path, 'must be text');
	}

	function maxText(max) {
		return function (value, path) {
			text(value, path);
			if (value.length > max) fail(path, 'can be at most ' + max + ' characters long');
		};
	}

	// Like the domain's requiredText: not blank, and the length is that of the stored string.
	function requiredText(max) {
		return function (value, path) {
			text(value, path);
			if (value.length > max) fail(path, 'can be at most ' + max + ' characters long');
			if (value.trim().length === 0) fail(path, 'must not be empty');
		};
	}

	function slug(value, path) {
		text(value, path);
		if (!SLUG.test(value)) {
			fail(path, 'must be a short name of lower-case letters, digits and hyphens (at most 40)');
		}
	}

	function transactionRef(value, path) {
		text(value, path);
		if (!TX_ID.test(value)) fail(path, 'must be a transaction id');
	}

	function stamp(value, path) {
		text(value, path);
		if (!STAMP.test(value)) fail(path, 'must be a stamp of the writer\'s clock');
	}

	function days(value, path) {
		if (!isDayAmount(value)) fail(path, 'must be a number of days in half-day steps from 0.5 to 20');
	}

	function amount(max) {
		return function (value, path) {
			if (!isNumber(value) || !isFinite(value)) fail(path, 'must be a number');
			if (value < 0) fail(path, 'cannot be negative');
			if (value > max) fail(path, 'can be at most ' + max);
		};
	}

	function between(min, max) {
		return function (value, path) {
			if (!isNumber(value)) fail(path, 'must be a number');
			if (!(value >= min && value <= max)) fail(path, 'must be between ' + min + ' and ' + max);
		};
	}

	function isoDate(value, path) {
		text(value, path);
		if (!isIsoDate(value)) fail(path, 'must be a real date written as YYYY-MM-DD');
	}

	function literal(expected) {
		return function (value, path) {
			if (value !== expected) fail(path, 'must be "' + expected + '"');
		};
	}

	function oneOf(options, description) {
		return function (value, path) {
			for (var i = 0; i < options.length; i++) {
				if (value === options[i]) return;
			}
			fail(path, 'must be ' + description);
		};
	}

	function bool(value, path) {
		if (typeof value !== 'boolean') fail(path, 'must be true or false');
	}

	function anyObject(value, path) {
		if (!isObject(value)) fail(path, 'must be an object');
	}

	function email(value, path) {
		text(value, path);
		if (value === '') return;
		if (value.length > 200) fail(path, 'can be at most 200 characters long');
		if (!EMAIL.test(value)) fail(path, 'must be an e-mail address');
	}

	function country(value, path) {
		text(value, path);
		if (!COUNTRY.test(value)) fail(path, 'must be a two-letter country code such as NO');
	}

	function listOf(item, max, what, min) {
		return function (value, path) {
			if (!isArray(value)) fail(path, 'must be a list of ' + what);
			for (var i = 0; i < value.length; i++) item(value[i], join(path, i));
			if (min && value.length < min) fail(path, 'needs at least ' + min + ' ' + what);
			if (value.length > max) fail(path, 'can hold at most ' + max + ' ' + what);
		};
	}

	function skillList(value, path) {
		if (!isArray(value)) fail(path, 'must be a list of skills');
		for (var i = 0; i < value.length; i++) slug(value[i], join(path, i));
		if (value.length < 1) fail(path, 'needs at least one skill');
		if (value.length > 10) fail(path, 'can hold at most 10 skills');
		var seen = {};
		for (var j = 0; j < value.length; j++) {
			if (hasOwn.call(seen, 's:' + value[j])) fail(path, 'lists the skill "' + value[j] + '" twice');
			seen['s:' + value[j]] = true;
		}
	}

	function req(check) {
		return { check: check, optional: false };
	}

	function opt(check) {
		return { check: check, optional: true };
	}

	// A strict object: required fields present, known fields valid, no other fields.
	function checkObject(value, path, fields) {
		if (!isObject(value)) fail(path, 'must be an object');
		var key;
		for (key in fields) {
			if (!hasOwn.call(fields, key)) continue;
			if (value[key] === undefined) {
				if (!fields[key].optional) fail(join(path, key), 'is required');
			} else {
				fields[key].check(value[key], join(path, key));
			}
		}
		for (key in value) {
			if (!hasOwn.call(fields, key)) {
				forbid('The field "' + shorten(join(path, key)) + '" is not allowed here.');
			}
		}
	}

	function object(fields) {
		return function (value, path) {
			checkObject(value, path, fields);
		};
	}

	function dateWindow(value, path) {
		checkObject(value, path, { from: req(isoDate), to: req(isoDate) });
		if (value.from > value.to) fail(path, 'ends (' + value.to + ') before it starts (' + value.from + ')');
	}

	function merge(parts) {
		var out = {};
		for (var i = 0; i < parts.length; i++) {
			for (var key in parts[i]) {
				if (hasOwn.call(parts[i], key)) out[key] = parts[i][key];
			}
		}
		return out;
	}

	// CouchDB's own fields, allowed on every document.
	var COUCH_FIELDS = {
		_rev: opt(text),
		_revisions: opt(anyObject),
		_conflicts: opt(listOf(text, 100000, 'revisions')),
		_deleted: opt(bool)
	};

	// ---- transactions (src/lib/domain/transactions.ts) ------------------------------------

	function transactionDocId(value, path) {
		text(value, path);
		if (value.indexOf(TX_PREFIX) !== 0 || !TX_ID.test(value.substring(TX_PREFIX.length))) {
			fail(path, 'must be "tx:" followed by a transaction id');
		}
	}

	var actor = object({
		library: req(slug),
		person: opt(maxText(64)),
		role: opt(literal('county'))
	});

	var dateList = listOf(dateWindow, 10, 'date windows');

	var offerTerms = {
		skills: req(skillList),
		description: req(requiredText(1000)),
		days: req(days),
		dates: req(dateList),
		maxTravelKm: opt(amount(2000))
	};

	var requestTerms = {
		skills: req(skillList),
		description: req(requiredText(1000)),
		days: req(days),
		dates: req(dateList),
		urgency: req(oneOf(['planned', 'urgent'], '"planned" or "urgent"'))
	};

	var reason = opt(maxText(500));

	var travel = object({
		km: req(amount(5000)),
		tolls: req(amount(100000)),
		meals: req(amount(100000))
	});

	var KINDS = {
		'offer.posted': [offerTerms],
		'offer.revised': [{ offer: req(transactionRef) }, offerTerms],
		'offer.paused': [{ offer: req(transactionRef) }],
		'offer.resumed': [{ offer: req(transactionRef) }],
		'offer.withdrawn': [{ offer: req(transactionRef) }],
		'request.posted': [requestTerms],
		'request.revised': [{ request: req(transactionRef) }, requestTerms],
		'request.withdrawn': [{ request: req(transactionRef) }],
		'request.answered': [{ request: req(transactionRef), days: req(days), dates: opt(dateWindow), note: opt(maxText(500)) }],
		'exchange.proposed': [{ offer: req(transactionRef), days: req(days), dates: req(dateWindow) }],
		'exchange.accepted': [{ exchange: req(transactionRef) }],
		'exchange.declined': [{ exchange: req(transactionRef), reason: reason }],
		'exchange.withdrawn': [{ exchange: req(transactionRef), reason: reason }],
		'exchange.cancelled': [{ exchange: req(transactionRef), reason: reason }],
		'exchange.released': [{ exchange: req(transactionRef), kept: opt(transactionRef), reason: req(requiredText(500)) }],
		'exchange.completed': [
			{ exchange: req(transactionRef), provider: req(slug), days: req(days), travel: req(travel) }
		],
		'exchange.reversed': [
			{
				exchange: req(transactionRef),
				completion: req(transactionRef),
				provider: req(slug),
				host: req(slug),
				days: req(days),
				reason: req(requiredText(500))
			}
		],
		'exchange.reported': [
			{
				exchange: req(transactionRef),
				done: req(requiredText(2000)),
				learned: opt(maxText(2000)),
				tips: opt(maxText(2000))
			}
		],
		'travel.paid': [{ exchanges: req(listOf(transactionRef, 200, 'exchanges', 1)) }],
		'policy.set': [
			{
				creditLimit: req(days),
				travelRatePerKm: req(amount(100)),
				mealAllowance: req(amount(10000))
			}
		]
	};

	// Acts only the county may do, always written with by.role "county".
	var COUNTY_ONLY = {
		'policy.set': 'set the bank\'s credit limit and travel rates',
		'exchange.reversed': 'reverse an exchange',
		'travel.paid': 'mark travel claims paid'
	};

	function kindNames() {
		var names = [];
		for (var kind in KINDS) {
			if (hasOwn.call(KINDS, kind)) names.push(kind);
		}
		return names.join(', ');
	}

	function checkTransactionShape(doc) {
		if (doc.type !== 'tx') fail('type', 'must be "tx" for a transaction');
		var kind = doc.kind;
		if (typeof kind !== 'string' || !hasOwn.call(KINDS, kind)) {
			fail('kind', 'must be one of ' + kindNames());
		}
		var base = {
			_id: req(transactionDocId),
			type: req(literal('tx')),
			kind: req(literal(kind)),
			by: req(actor)
		};
		checkObject(doc, '', merge([COUCH_FIELDS, base].concat(KINDS[kind])));
		// The parties are repeated in these two kinds for the totals views; they must differ.
		if (kind === 'exchange.completed' && doc.provider === doc.by.library) {
			fail('provider', 'must be the other library: a library cannot credit itself');
		}
		if (kind === 'exchange.reversed' && doc.provider === doc.host) {
			fail('host', 'must differ from the provider');
		}
	}

	// The time in a stamp or transaction id: base-36 milliseconds in its first nine characters.
	function stampTime(value) {
		return parseInt(value.substring(0, 9), 36);
	}

	function refuseFutureStamp(value, what) {
		var ahead = stampTime(value) - Date.now();
		if (ahead > MAX_DRIFT_MS) {
			forbid('This ' + what + ' is stamped ' + Math.round(ahead / 60000) + ' minutes ahead of the server\'s clock; the writing device\'s clock is wrong.');
		}
	}

	// What holds for every transaction, whoever writes it (a server admin too): its id commits to
	// its content, so a replicated branch with other content under the same id is refused, and
	// it is not stamped in the future, so one device's wrong clock cannot move everyone's.
	function checkTransactionIntegrity(doc) {
		if (doc._deleted === true) return;
		var id = doc._id;
		var txId = id.substring(TX_PREFIX.length);
		if (!TX_ID.test(txId)) fail('_id', 'must be "tx:" followed by a transaction id');
		if (txId.substring(txId.lastIndexOf('-') + 1) !== contentHash(doc)) {
			forbid('This transaction\'s content does not match its id: transactions are written once and never changed.');
		}
		refuseFutureStamp(txId, 'transaction');
	}

	function validateTransaction(doc, old, deleting) {
		if (old || deleting) {
			forbid('Transactions can never be changed or deleted. A mistake is corrected by a new transaction (the county can reverse an exchange).');
		}
		checkTransactionShape(doc);
		checkTransactionIntegrity(doc);
		var by = doc.by;
		if (!ownLibraries.length) {
			forbid('Your account is not attached to a library, so it cannot write transactions.');
		}
		if (!hasRole(LIBRARY_PREFIX + by.library)) {
			forbid('You can only write as your own library (' + ownLibraryText() + '), not as ' + by.library + '.');
		}
		if (by.role === 'county' && !hasRole('county')) {
			forbid('Only the county library may write on behalf of the county.');
		}
		if (hasOwn.call(COUNTY_ONLY, doc.kind)) {
			if (!hasRole('county')) forbid('Only the county library may ' + COUNTY_ONLY[doc.kind] + '.');
			if (by.role !== 'county') {
				forbid('To ' + COUNTY_ONLY[doc.kind] + ', the county must write with the county role (by.role "county").');
			}
		}
		// Everything else (is the writer the host, the counter-party, the owner; is the
		// exchange in the right state; are there days and credit left) depends on other
		// transactions and is decided by the fold on every replica.
	}

	// ---- directory documents (src/lib/domain/directory.ts) --------------------------------

	function prefixedId(prefix) {
		return function (value, path) {
			text(value, path);
			if (value.indexOf(prefix) !== 0) fail(path, 'must start with "' + prefix + '"');
		};
	}

	var LIBRARY_FIELDS = merge([
		COUCH_FIELDS,
		{
			_id: req(prefixedId(LIBRARY_PREFIX)),
			type: req(literal('library')),
			updated: req(stamp),
			slug: req(slug),
			name: req(requiredText(120)),
			municipality: req(requiredText(120)),
			town: req(maxText(120)),
			region: req(slug),
			country: req(country),
			lat: req(between(-90, 90)),
			lon: req(between(-180, 180)),
			address: opt(maxText(200)),
			openingHours: opt(maxText(500)),
			phone: opt(maxText(40)),
			email: opt(email),
			county: opt(bool),
			active: req(bool)
		}
	]);

	// src/lib/domain/directory.ts DELIVERY_CHOICES and notifications/notice.ts NOTICE_KINDS.
	var deliveryChoice = oneOf(['now', 'digest', 'never'], '"now", "digest" or "never"');
	var NOTIFY_FIELDS = {
		'urgent-request': opt(deliveryChoice),
		'proposal-to-answer': opt(deliveryChoice),
		'proposal-accepted': opt(deliveryChoice),
		'proposal-declined': opt(deliveryChoice),
		collision: opt(deliveryChoice),
		'visit-tomorrow': opt(deliveryChoice),
		'confirm-days': opt(deliveryChoice),
		'proposal-unanswered': opt(deliveryChoice),
		'visit-report': opt(deliveryChoice),
		'colleague-waiting': opt(deliveryChoice)
	};

	var PERSON_FIELDS = merge([
		COUCH_FIELDS,
		{
			_id: req(prefixedId(PERSON_PREFIX)),
			type: req(literal('person')),
			updated: req(stamp),
			library: req(slug),
			name: req(requiredText(120)),
			title: opt(maxText(120)),
			phone: opt(maxText(40)),
			email: opt(email),
			skills: req(
				listOf(
					object({ skill: req(slug), level: req(oneOf([1, 2, 3], '1, 2 or 3')) }),
					20,
					'skills'
				)
			),
			bestAt: opt(maxText(1000)),
			languages: req(listOf(maxText(40), 10, 'languages')),
			bio: opt(maxText(2000)),
			notify: opt(object(NOTIFY_FIELDS)),
			locale: opt(oneOf(['nb', 'nn', 'sv', 'en'], '"nb", "nn", "sv" or "en"'))
		}
	]);

	function validateLibrary(doc, old, deleting) {
		var isCounty = hasRole('county');
		var librarySlug = doc._id.substring(LIBRARY_PREFIX.length);
		if (deleting) {
			if (!isCounty) forbid('Only the county library may remove a library from the bank.');
			return;
		}
		checkObject(doc, '', LIBRARY_FIELDS);
		refuseFutureStamp(doc.updated, 'change');
		if (doc._id !== LIBRARY_PREFIX + doc.slug) {
			forbid('A library\'s _id must be "library:" followed by its slug ("library:' + doc.slug + '").');
		}
		if (!old) {
			if (!isCounty) forbid('Only the county library may register a new library.');
			return;
		}
		if (isCounty) return;
		if (!hasRole(LIBRARY_PREFIX + librarySlug)) {
			forbid('You can only change your own library (' + ownLibraryText() + '), not ' + librarySlug + '.');
		}
		if (!!old.county !== !!doc.county) {
			forbid('Only the county library may change which library is the county library.');
		}
		if (!!old.active !== !!doc.active) {
			forbid('Only the county library may activate or deactivate a library.');
		}
	}

	function validatePerson(doc, old, deleting) {
		var isCounty = hasRole('county');
		if (deleting) {
			// Erasing a person is deleting their document: the deleted revision must not keep
			// their details on the server.
			for (var key in doc) {
				if (key !== '_id' && !hasOwn.call(COUCH_FIELDS, key)) {
					forbid('A deleted person must not keep their details: delete the document without its fields.');
				}
			}
			if (isCounty || !old) return; // nothing on the server to protect without an old revision
			if (!hasRole(LIBRARY_PREFIX + old.library)) {
				forbid('Only ' + old.library + ' or the county library may delete this person.');
			}
			return;
		}
		checkObject(doc, '', PERSON_FIELDS);
		refuseFutureStamp(doc.updated, 'change');
		if (isCounty) return;
		if (!hasRole(LIBRARY_PREFIX + doc.library)) {
			forbid('You can only register people at your own library (' + ownLibraryText() + '), not at ' + doc.library + '.');
		}
		if (old && !hasRole(LIBRARY_PREFIX + old.library)) {
			forbid('This person belongs to ' + old.library + '; only that library or the county library may change them.');
		}
	}

	// ---- the rules, in order ----------------------------------------------------------------

	// Server admins provision the bank and may write anything, but a transaction that breaks
	// its own integrity even so.
	if (hasRole('_admin')) {
		if (typeof newDoc._id === 'string' && newDoc._id.indexOf(TX_PREFIX) === 0) checkTransactionIntegrity(newDoc);
		return;
	}

	if (!userCtx || userCtx.name === null || userCtx.name === undefined) {
		throw { unauthorized: 'Please log in to write to the bank.' };
	}

	var id = newDoc._id;
	if (typeof id !== 'string') forbid('A document needs a text _id.');

	if (id.indexOf('_design/') === 0) {
		forbid('Only a server administrator may change design documents.');
	}

	if (!hasRole('librarian') && !hasRole('county')) {
		forbid('Your account has not been approved yet: it needs the librarian role before it can write.');
	}

	var sized = {};
	for (var field in newDoc) {
		// The revision history is CouchDB's, not the writer's: it does not count.
		if (hasOwn.call(newDoc, field) && field !== '_revisions') sized[field] = newDoc[field];
	}
	var size = JSON.stringify(sized).length;
	if (size > MAX_JSON) {
		forbid('This document is too large (' + size + ' characters of JSON; at most ' + MAX_JSON + ' are allowed).');
	}

	// A deleted old revision counts as no old revision: writing creates the document anew.
	var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
	var deleting = newDoc._deleted === true;

	if (id.indexOf(TX_PREFIX) === 0) {
		validateTransaction(newDoc, old, deleting);
	} else if (id.indexOf(LIBRARY_PREFIX) === 0) {
		validateLibrary(newDoc, old, deleting);
	} else if (id.indexOf(PERSON_PREFIX) === 0) {
		validatePerson(newDoc, old, deleting);
	} else {
		forbid('The bank stores only transactions ("tx:..."), libraries ("library:...") and people ("person:..."), not "' + shorten(id) + '".');
	}
}
