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
 * logged and the request answered (its own 4xx if it carries one, else 500), so the failure
 * stays visible to client and operator.
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

/** A 4xx an error carries itself: Express's parsers (`status`), raw-body, PouchDB's errors. */
function clientStatusOf(error: unknown): number | undefined {
	const status = (error as { status?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
	return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function couchErrorOf(error: unknown, status: number): string {
	const name = (error as { name?: unknown; error?: unknown })?.error ?? (error as { name?: unknown })?.name;
	if (typeof name === 'string' && /^[a-z_]+$/.test(name)) return name;
	return status === 404 ? 'not_found' : status === 413 ? 'too_large' : status === 415 ? 'bad_content_type' : 'bad_request';
}

/** Answers the request for the error: its own 4xx when it carries one, else 500. */
function answerError(res: Response, error: unknown): void {
	if (res.headersSent) {
		// Half an answer cannot be mended; the client sees the connection end.
		res.destroy();
		return;
	}
	const status = clientStatusOf(error);
	const type = (error as { type?: string })?.type;
	const reason = type === 'entity.parse.failed' ? 'invalid_json' : ((error as { reason?: unknown })?.reason ?? (error instanceof Error ? error.message : String(error)));
	if (status) res.status(status).json({ error: couchErrorOf(error, status), reason });
	else res.status(500).json({ error: 'internal_server_error', reason });
}

/** Last middleware of the app. Client mistakes found by Express's parsers keep their 4xx. */
export function jsonErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
	void next;
	// The client went away before its body was read (a tab closed, replication cancelled): there
	// is nobody to answer and nothing failed on this side.
	if (req.destroyed && (error as { type?: unknown })?.type === 'stream.not.readable') {
		res.destroy();
		return;
	}
	if (!clientStatusOf(error)) console.error(`embedded server: ${describe(req)} failed:`, error);
	answerError(res, error);
}

let installed = false;

export function installRequestSafetyNet(): void {
	if (installed) return;
	installed = true;
	const catchInRequest = (kind: string) => (error: unknown) => {
		const scope = scopes.getStore();
		if (scope) {
			// A PouchDB not_found or a body cut short, lost by express-pouchdb outside its handlers,
			// keeps its 4xx; anything else is a bug and answers 500.
			console.error(`embedded server: ${kind} in ${describe(scope.req)}:`, error);
			answerError(scope.res, error);
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
