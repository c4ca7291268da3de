/**
 * An error inside one request answers that request, never ends the embedded server.
 *
 * Errors that reach Express (thrown by a handler, or passed to `next`) get a CouchDB-shaped
 * JSON answer from `jsonErrorHandler`. express-pouchdb 4.2 also runs much of its work in
 * callbacks and promise chains outside any handler (utils.setDBOnReq leaves two promises
 * unchained; routes call methods on what PouchDB's callbacks return): a throw there is an
 * uncaught exception or an unhandled rejection, which Node answers by exiting. The known
 * causes are refused before express-pouchdb sees them (database-lifecycle-guard.ts,
 * users-guard.ts); `installRequestSafetyNet` is for the ones nobody has found yet.
 *
 * Why a process-level net is acceptable here: it only takes errors that belong to a request,
 * which it knows from the AsyncLocalStorage context `requestContext` opens for each request.
 * Those come from express-pouchdb's JavaScript glue around a call that already failed, not
 * from inside a LevelDB write (each write is one atomic batch, done or not). The error is
 * logged and the request answered 500, so the failure stays visible to client and operator.
 * An error outside any request keeps Node's own behaviour: it ends the process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

interface RequestScope {
	req: Request;
	res: Response;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** First middleware of the app: everything the request starts runs in its scope. */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
	scopes.run({ req, res }, next);
}

function describe(req: Request): string {
	return `${req.method} ${req.originalUrl}`;
}

function answer500(res: Response, error: unknown): void {
	if (res.headersSent) {
		// Half an answer cannot be mended; the client sees the connection end.
		res.destroy();
		return;
	}
	const reason = error instanceof Error ? error.message : String(error);
	res.status(500).json({ error: 'internal_server_error', reason });
}

/** Last middleware of the app. Client mistakes found by Express's parsers keep their 4xx. */
export function jsonErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
	void next;
	const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
	if (typeof status === 'number' && status >= 400 && status < 500) {
		if (res.headersSent) return void res.destroy();
		const type = (error as { type?: string }).type;
		const couchError = status === 413 ? 'too_large' : status === 415 ? 'bad_content_type' : 'bad_request';
		res.status(status).json({ error: couchError, reason: type === 'entity.parse.failed' ? 'invalid_json' : error instanceof Error ? error.message : String(error) });
		return;
	}
	console.error(`embedded server: ${describe(req)} failed:`, error);
	answer500(res, error);
}

let installed = false;

export function installRequestSafetyNet(): void {
	if (installed) return;
	installed = true;
	const catchInRequest = (kind: string) => (error: unknown) => {
		const scope = scopes.getStore();
		if (scope) {
			console.error(`embedded server: ${kind} in ${describe(scope.req)}, answered 500:`, error);
			answer500(scope.res, error);
			return;
		}
		// Not a request's: what Node does without a listener, unless a test runner listens too.
		if (process.listenerCount(kind) > 1) return;
		console.error(`embedded server: ${kind} outside any request:`, error);
		process.exit(1);
	};
	process.on('uncaughtException', catchInRequest('uncaughtException'));
	process.on('unhandledRejection', catchInRequest('unhandledRejection'));
}
