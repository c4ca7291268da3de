/**
 * gzip for everything the server sends but live feeds. express-pouchdb and sirv send no
 * `Content-Encoding` at all, so a tablet on a rural line downloaded the app and every sync
 * answer uncompressed. A longpoll, continuous or eventsource `_changes` feed stays
 * uncompressed: its heartbeats and changes must reach the device at once, not when a gzip
 * block fills. What replication fetches in bulk (`_bulk_get`, `_all_docs`) is compressed.
 */
import compression from 'compression';
import type { Request, Response } from 'express';

const LIVE_FEEDS = new Set(['longpoll', 'continuous', 'eventsource']);

export function isLiveFeed(req: Pick<Request, 'path' | 'query'>): boolean {
	return req.path.endsWith('/_changes') && LIVE_FEEDS.has(String(req.query.feed ?? ''));
}

export const compress = compression({
	threshold: 1024,
	filter: (req: Request, res: Response) => !isLiveFeed(req) && compression.filter(req, res)
});
