/**
 * Live pulls wait on the server's `_changes?feed=longpoll`, which holds the request open until a
 * change arrives. A feed can stay open and never deliver: seen once on a three-node Apache
 * CouchDB cluster, where a device's live feed on node1 delivered nothing of the 1,020
 * transactions written through node3 while node2 was stopped and started, and the device said
 * "up to date" all along. A tablet whose wifi drops without a reset holds such a request too.
 * Neither fails, so retry never starts. A long poll that has not answered within its time is
 * therefore given up and answered as a server's own time-out would be (no results since the
 * asked sequence); the replicator then opens a fresh feed from where it was.
 */

/** How long one long poll may stay open: idle, the pull costs one short request per this. */
export const LONG_POLL_MAX_MS = 30_000;

function isLongPoll(url: URL): boolean {
	return url.pathname.endsWith('/_changes') && url.searchParams.get('feed') === 'longpoll';
}

/** `request`, with every long poll of `_changes` ended after `maxMs` if the server has not. */
export function endQuietLongPolls(request: typeof fetch, maxMs = LONG_POLL_MAX_MS): typeof fetch {
	return async (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input), 'http://relative.invalid');
		if (!isLongPoll(url)) return request(input, init);
		const ours = new AbortController();
		const theirs = init?.signal;
		const passOn = () => ours.abort(theirs?.reason);
		if (theirs?.aborted) passOn();
		theirs?.addEventListener('abort', passOn, { once: true });
		let quiet = false;
		const timer = setTimeout(() => {
			quiet = true;
			ours.abort();
		}, maxMs);
		try {
			const response = await request(input, { ...init, signal: ours.signal });
			// The body is read here, so that a feed that sends headers and then nothing is caught too.
			const body = await response.text();
			return new Response(body, { status: response.status, statusText: response.statusText, headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' } });
		} catch (error) {
			if (!quiet || theirs?.aborted) throw error;
			return new Response(JSON.stringify({ results: [], last_seq: url.searchParams.get('since') ?? 0 }), {
				status: 200,
				headers: { 'content-type': 'application/json' }
			});
		} finally {
			clearTimeout(timer);
			theirs?.removeEventListener('abort', passOn);
		}
	};
}
