import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../tests/integration/embedded-server';
import { isLiveFeed } from './compress';

describe('what the server compresses', () => {
	it('leaves live _changes feeds alone and compresses everything else', () => {
		expect(isLiveFeed({ path: '/byttebank/_changes', query: { feed: 'longpoll' } })).toBe(true);
		expect(isLiveFeed({ path: '/byttebank/_changes', query: { feed: 'continuous' } })).toBe(true);
		expect(isLiveFeed({ path: '/byttebank/_changes', query: {} })).toBe(false);
		expect(isLiveFeed({ path: '/byttebank/_bulk_get', query: { feed: 'longpoll' } })).toBe(false);
	});
});

describe('the embedded server over HTTP', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer({ countyDb: 'byttebank', users: [], documents: [] });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('sends a large answer gzipped when the client accepts it', async () => {
		const response = await fetch(`${server.dbUrl}/byttebank-public/libraries`, { headers: { 'accept-encoding': 'gzip' } });
		const design = await fetch(`${server.dbUrl}/byttebank/_design/validation`, {
			headers: { 'accept-encoding': 'gzip', authorization: 'Basic ' + Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64') }
		});
		expect(response.status).toBe(200);
		expect(design.headers.get('content-encoding')).toBe('gzip');
		expect(((await design.json()) as { _id: string })._id).toBe('_design/validation');
	});
});
