/**
 * Refuses, before express-pouchdb, request shapes it cannot survive (found by
 * tests/integration/http-fuzz.test.ts; `latest=true` is mended in pouchdb-latest-fix.ts):
 * - DELETE of an attachment without `rev` on a document that exists: pouchdb-core's
 *   removeAttachment reads the missing revision's attachments (500 "Cannot convert undefined or
 *   null to object"). CouchDB answers such a delete 409 conflict, as here.
 * - `_bulk_docs` whose `docs` is not an array of objects (pouchdb-validation: 500 TypeError).
 * - JSON documents nested deeper than any real document: validate_doc_update's JSON.stringify
 *   overflows the stack (500 RangeError). Bodies are parsed here, and express-pouchdb's own
 *   parser, which skips a parsed body, uses the result. Attachment bodies are left unread.
 * - Design functions the app never calls (`_show`, `_list`, `_update`, `_rewrite`, the first
 *   three deprecated in CouchDB 3): express-pouchdb answered their errors 500 (a GET of an
 *   update function, a deeply nested body overflowing its parser's stack). Not served here.
 */
import express, { type NextFunction, type Request, type Response } from 'express';

const MAX_DEPTH = 64;
const SYSTEM_DATABASES = new Set(['_users', '_replicator']);

function deeperThan(value: unknown, limit: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 0]];
	while (stack.length) {
		const [current, depth] = stack.pop()!;
		if (current === null || typeof current !== 'object') continue;
		if (depth >= limit) return true;
		for (const child of Object.values(current)) stack.push([child, depth + 1]);
	}
	return false;
}

/** A document or a database's own endpoint, not an attachment or a design function (which read raw bodies). */
function carriesJsonDocuments(segments: string[]): boolean {
	const [db, first] = segments;
	if (!db || (db.startsWith('_') && !SYSTEM_DATABASES.has(db))) return false;
	const idLength = first === '_design' || first === '_local' ? 2 : 1;
	return segments.length <= 1 + idLength;
}

function isAttachmentPath(segments: string[]): boolean {
	const [db, first] = segments;
	if (!db || !first || (db.startsWith('_') && !SYSTEM_DATABASES.has(db))) return false;
	if (first === '_local') return false;
	return segments.length > (first === '_design' ? 3 : 2);
}

const parseJson = express.json({ limit: '64mb', type: ['application/json'] });

const DESIGN_FUNCTIONS = new Set(['_show', '_list', '_update', '_rewrite']);

export function requestShapeGuard(req: Request, res: Response, next: NextFunction): void {
	const segments = req.path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
	if (segments[1] === '_design' && DESIGN_FUNCTIONS.has(segments[3] ?? '')) {
		res.status(404).json({ error: 'not_found', reason: `${segments[3]} functions are not served by the embedded server.` });
		return;
	}
	if (req.method === 'DELETE' && isAttachmentPath(segments) && !req.query.rev) {
		res.status(409).json({ error: 'conflict', reason: 'Document update conflict.' });
		return;
	}
	if ((req.method !== 'PUT' && req.method !== 'POST') || !req.is('application/json') || !carriesJsonDocuments(segments)) return next();
	// Replication's POSTs (_bulk_get, _revs_diff, _changes …) are left to express-pouchdb: parsing
	// their bodies here too made some _bulk_get answers 500 "stream is not readable" during sync.
	const endpoint = segments[1] ?? '';
	if (req.method === 'POST' && endpoint.startsWith('_') && endpoint !== '_bulk_docs') return next();
	parseJson(req, res, (error?: unknown) => {
		if (error) return next(error);
		const docs = (req.body as { docs?: unknown } | null)?.docs;
		if (segments[1] === '_bulk_docs' && (!Array.isArray(docs) || docs.some((doc) => doc === null || typeof doc !== 'object' || Array.isArray(doc)))) {
			// pouchdb-validation reads `_id` of each without looking (500 TypeError).
			res.status(400).json({ error: 'bad_request', reason: 'docs must be an array of JSON objects' });
			return;
		}
		if (deeperThan(req.body, MAX_DEPTH)) {
			res.status(400).json({ error: 'bad_request', reason: `JSON nested deeper than ${MAX_DEPTH} levels.` });
			return;
		}
		next();
	});
}
