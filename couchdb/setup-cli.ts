/**
 * `npm run couchdb:setup -- --url http://host:5984 --admin admin:password [--db byttebank] [--demo]`
 *
 * Provisions a county on an Apache CouchDB 3.x (or the embedded server's `/db`) over HTTP: the
 * `_users` and county databases, their `_security`, the validation design document and, with
 * `--demo`, the demo county. Idempotent: run it again and it says that nothing changed. Needs
 * `[couchdb] users_db_security_editable = true` on Apache CouchDB (couchdb/local.ini).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDemoCounty, DEMO_COUNTY_USER, DEMO_PASSWORD } from './demo/seed';
import { CouchError, type CouchTarget } from './http';
import { provision, type ProvisionReport } from './provision';

export const USAGE = `Usage: npm run couchdb:setup -- --url http://host:5984 --admin NAME:PASSWORD [--db byttebank] [--demo]

  --url URL         the CouchDB server (Apache CouchDB 3.x, or http://host:8080/db embedded)
  --admin NAME:PW   a server admin; with only NAME, the password is read from COUCHDB_PASSWORD
  --db NAME         the county database (default: byttebank)
  --demo            also load the demo county (23 libraries, logins, a year of exchanges)
  --help            show this text`;

export interface SetupOptions {
	target: CouchTarget;
	db: string;
	demo: boolean;
}

/** A mistake on the command line: the message says what to write instead. */
export class UsageError extends Error {}

const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** Reads the command line; throws UsageError with a sentence a person can act on. */
export function parseSetupArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): SetupOptions | 'help' {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				url: { type: 'string' },
				admin: { type: 'string' },
				db: { type: 'string', default: 'byttebank' },
				demo: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (values.help) return 'help';

	if (!values.url) throw new UsageError('--url is missing: give the CouchDB server, e.g. --url http://localhost:5984');
	let url: URL;
	try {
		url = new URL(values.url);
	} catch {
		throw new UsageError(`--url "${values.url}" is not a URL: write it as http://host:5984`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UsageError(`--url "${values.url}" must start with http:// or https://`);
	}
	if (url.username || url.password) {
		throw new UsageError('--url must not contain a name or password: give them with --admin NAME:PASSWORD');
	}

	if (!values.admin) throw new UsageError('--admin is missing: give a server admin as --admin NAME:PASSWORD');
	const colon = values.admin.indexOf(':');
	const name = colon === -1 ? values.admin : values.admin.slice(0, colon);
	const password = colon === -1 ? env.COUCHDB_PASSWORD : values.admin.slice(colon + 1);
	if (!name) throw new UsageError('--admin has no name: write it as --admin NAME:PASSWORD');
	if (!password) {
		throw new UsageError('--admin has no password: write it as --admin NAME:PASSWORD, or set COUCHDB_PASSWORD and give only --admin NAME');
	}

	if (!DB_NAME.test(values.db)) {
		throw new UsageError(`--db "${values.db}" is not a valid CouchDB database name (lower-case letters, digits and _$()+/-, starting with a letter)`);
	}
	return { target: { url: url.href.replace(/\/$/, ''), admin: { name, password } }, db: values.db, demo: values.demo };
}

/** A sentence for the operator when the server refuses. */
export function explain(error: unknown): string {
	if (error instanceof CouchError) {
		const body = JSON.stringify(error.body);
		if (error.status === 401) return `The server refused the admin's name or password (HTTP 401 ${body}).`;
		if (error.status === 403 && error.message.includes('/_users/_security')) {
			return (
				`The server would not let the admin change the security of _users (HTTP 403 ${body}). ` +
				'Apache CouchDB needs [couchdb] users_db_security_editable = true (see couchdb/local.ini), then run this again.'
			);
		}
		return error.message;
	}
	if (error instanceof TypeError && error.message === 'fetch failed') {
		const cause = error.cause as { code?: string; message?: string } | undefined;
		return `Cannot reach the server (${cause?.code ?? cause?.message ?? 'no answer'}). Is the --url right and CouchDB running?`;
	}
	return error instanceof Error ? error.message : String(error);
}

export async function runSetup(options: SetupOptions, log: (line: string) => void = console.log): Promise<ProvisionReport> {
	const plan = options.demo ? buildDemoCounty(options.db) : { countyDb: options.db, users: [], documents: [] };
	log(`Setting up "${options.db}" on ${options.target.url}${options.demo ? ' with the demo county' : ''}…`);
	const report = await provision(options.target, plan);
	if (report.changed.length === 0) {
		log(`Nothing changed: ${options.db} was already set up (${report.unchanged.length} things checked).`);
	} else {
		log(`Changed: ${report.changed.join(', ')}.`);
		if (report.unchanged.length) log(`Already right: ${report.unchanged.join(', ')}.`);
	}
	if (options.demo) {
		log(`Demo logins (password "${DEMO_PASSWORD}" for all): county librarian ${DEMO_COUNTY_USER}; librarians ${plan.users
			.filter((u) => u.name !== DEMO_COUNTY_USER)
			.map((u) => u.name)
			.join(', ')}.`);
	}
	return report;
}

async function main(): Promise<number> {
	let options: SetupOptions | 'help';
	try {
		options = parseSetupArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`couchdb:setup: ${error.message}\n\n${USAGE}`);
		return 2;
	}
	if (options === 'help') {
		console.log(USAGE);
		return 0;
	}
	try {
		await runSetup(options);
		return 0;
	} catch (error) {
		console.error(`couchdb:setup failed: ${explain(error)}`);
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exitCode = await main();
}
