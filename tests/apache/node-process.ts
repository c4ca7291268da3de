/**
 * Stops and starts one Apache CouchDB node the suite was given a folder for: its pid is in
 * DIR/couchdb.pid and DIR/start-node.sh starts it again detached and waits for /_up (written by
 * start-cluster.sh for each cluster node, by .ci/write-start-node.sh for a single node). A pid is
 * signalled only while its command line shows that node's own `-root DIR/bin`, so a reused pid
 * is never hit.
 */
import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class NodeProcess {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = realpathSync(dir);
	}

	/** The node's beam pid, if it runs. */
	pid(): number | undefined {
		let pid: number;
		try {
			pid = Number(readFileSync(`${this.dir}/couchdb.pid`, 'utf8').trim());
			const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
			return cmdline.includes(`-root ${this.dir}/bin`) ? pid : undefined;
		} catch {
			return undefined;
		}
	}

	/** Sends the signal and waits until the process is gone. */
	async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
		const pid = this.pid();
		if (pid === undefined) throw new Error(`no CouchDB runs from ${this.dir}`);
		process.kill(pid, signal);
		for (let waited = 0; this.pid() === pid; waited += 50) {
			if (waited > 60_000) throw new Error(`CouchDB pid ${pid} in ${this.dir} did not stop on ${signal}`);
			await pause(50);
		}
	}

	/** Starts it again; resolves once its /_up answers (start-node.sh waits for that). */
	async start(): Promise<void> {
		await run(`${this.dir}/start-node.sh`, [], { timeout: 120_000 });
	}
}
