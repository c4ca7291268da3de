/**
 * Works around a bug in express-pouchdb 4.2's validation (pouchdb-validation): before running
 * validate_doc_update it overwrites every incoming document's `_revisions` with the stored
 * document's. A replicated edit (`_bulk_docs` with `new_edits: false`, revision 2 on top of 1)
 * then looks like revision 1 again: the server answers "written" and keeps the old content, so
 * directory edits and erasures by librarians never reached the embedded server.
 *
 * This guard, in front of `/<db>/_bulk_docs`, makes each incoming `_revisions` ignore that one
 * assignment. Apache CouchDB has no such bug and needs nothing like it.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

function keepRevisions(doc: Record<string, unknown>): void {
	if (!doc || typeof doc !== 'object' || !('_revisions' in doc)) return;
	const revisions = doc._revisions;
	Object.defineProperty(doc, '_revisions', {
		enumerable: true,
		configurable: true,
		get: () => revisions,
		set: () => {
			/* pouchdb-validation's overwrite is dropped on purpose */
		}
	});
}

export function revisionKeeper(): Router {
	const router = express.Router();
	router.post('/:db/_bulk_docs', express.json({ limit: '64mb' }), (req: Request, _res: Response, next: NextFunction) => {
		const docs = (req.body as { docs?: unknown })?.docs;
		if (Array.isArray(docs)) for (const doc of docs) keepRevisions(doc as Record<string, unknown>);
		next();
	});
	return router;
}
