/**
 * The worker's small web side: the one-click unsubscribe (RFC 8058: a POST to the link in
 * List-Unsubscribe, which mail clients send themselves; the same link opened in a browser shows
 * a button, so that a link scanner's GET never unsubscribes anyone), and, with the local mail
 * catcher, an inbox page where the demo county's e-mails can be read.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { translate } from '../../src/lib/i18n/translate';
import type { MessageKey } from '../../src/lib/i18n/nb';
import type { MailCatcher } from './mail-catcher';
import { readSmallBody } from './small-body';
import { isValidToken } from './unsubscribe-token';

export interface NotifierHttpOptions {
	port: number;
	host: string;
	secret: string;
	unsubscribe(address: string): Promise<void>;
	/** The caller's addresses that bounced or unsubscribed, as JSON for the app's settings page (delivery-status.ts). */
	status?(headers: IncomingHttpHeaders): Promise<{ code: number; body: unknown }>;
	/** Web Push: the public key devices subscribe with, and adding (POST) or removing (DELETE) a device. */
	vapidPublicKey?: string;
	push?(method: 'POST' | 'DELETE', headers: IncomingHttpHeaders, body: unknown): Promise<{ code: number; body: unknown }>;
	catcher?: MailCatcher;
}

export interface NotifierHttp {
	url: string;
	close(): Promise<void>;
}

const t = (key: MessageKey, params?: Record<string, string>) => translate('nb', key, params);

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(response: ServerResponse, status: number, title: string, body: string): void {
	response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
	response.end(`<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5}td,th{padding:.3em .6em;text-align:left;border-bottom:1px solid #ddd}iframe{width:100%;height:32em;border:1px solid #ccc}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

async function unsubscribeRoute(request: IncomingMessage, response: ServerResponse, url: URL, options: NotifierHttpOptions): Promise<void> {
	const address = url.searchParams.get('a') ?? '';
	const token = url.searchParams.get('t') ?? '';
	const title = t('notify.unsubscribe.title');
	if (!address || !isValidToken(options.secret, address, token)) return page(response, 400, title, `<p>${escapeHtml(t('notify.unsubscribe.invalid'))}</p>`);
	if (request.method === 'POST') {
		await options.unsubscribe(address);
		return page(response, 200, title, `<p>${escapeHtml(t('notify.unsubscribe.done', { address }))}</p>`);
	}
	const action = `/unsubscribe?${new URLSearchParams({ a: address, t: token })}`;
	page(response, 200, title, `<p>${escapeHtml(t('notify.unsubscribe.confirm', { address }))}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button>${escapeHtml(t('notify.unsubscribe.button'))}</button></form>`);
}

function inboxRoute(response: ServerResponse, url: URL, catcher: MailCatcher): void {
	const id = Number(url.pathname.split('/')[2]);
	const mail = catcher.messages.find((m) => m.id === id);
	if (mail) {
		return page(response, 200, mail.subject, `<p><a href="/inbox">← Innboks</a></p>
<p><b>Til:</b> ${escapeHtml(mail.to.join(', '))}<br><b>Fra:</b> ${escapeHtml(mail.from)}<br><b>List-Unsubscribe:</b> ${escapeHtml(mail.headers['list-unsubscribe'] ?? '')}</p>
<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(mail.html)}"></iframe><h2>Ren tekst</h2><pre style="white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`);
	}
	const rows = [...catcher.messages]
		.reverse()
		.map((m) => `<tr><td>${escapeHtml(new Date(m.at).toLocaleString('nb'))}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/inbox/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`)
		.join('');
	page(response, 200, `Innboks (${catcher.messages.length})`, `<p>Alt Byttebank sender mens SMTP_URL ikke er satt, havner her.</p><table><tr><th>Mottatt</th><th>Til</th><th>Emne</th></tr>${rows}</table>`);
}

/** A small JSON body, or undefined when it is not one (too big, not JSON, cut off). */
async function readJson(request: IncomingMessage): Promise<unknown> {
	try {
		const body = await readSmallBody(request);
		return body ? JSON.parse(new TextDecoder().decode(body)) : undefined;
	} catch {
		return undefined;
	}
}

function json(response: ServerResponse, code: number, body: unknown): void {
	response.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
	response.end(JSON.stringify(body));
}

export async function startNotifierHttp(options: NotifierHttpOptions): Promise<NotifierHttp> {
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const route = async () => {
			if (url.pathname === '/push' && (request.method === 'POST' || request.method === 'DELETE') && options.push) {
				const { code, body } = await options.push(request.method, request.headers, await readJson(request));
				return json(response, code, body);
			}
			// Any other body (List-Unsubscribe=One-Click) is read and ignored: the signed link says it all.
			request.resume();
			if (url.pathname === '/vapid-public-key' && request.method === 'GET' && options.vapidPublicKey) return json(response, 200, { key: options.vapidPublicKey });
			if (url.pathname === '/unsubscribe' && (request.method === 'GET' || request.method === 'POST')) return unsubscribeRoute(request, response, url, options);
			if (url.pathname === '/status' && request.method === 'GET' && options.status) {
				const { code, body } = await options.status(request.headers);
				return json(response, code, body);
			}
			if (options.catcher && request.method === 'GET' && (url.pathname === '/' || url.pathname.startsWith('/inbox'))) return inboxRoute(response, url, options.catcher);
			page(response, 404, 'Ikke funnet', '');
		};
		route().catch((error: Error) => {
			if (!response.headersSent) page(response, 500, 'Feil', `<p>${escapeHtml(error.message)}</p>`);
		});
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(options.port, options.host, () => done());
	});
	const port = (server.address() as AddressInfo).port;
	return { url: `http://${options.host}:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}
