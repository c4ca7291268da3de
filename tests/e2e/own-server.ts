/** A server a test can stop and start again, as its own process, with data that survives. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class OwnServer {
	readonly dataDir = mkdtempSync(join(tmpdir(), 'byttebank-own-'));
	#process: ChildProcess | undefined;

	constructor(
		readonly port: number,
		private readonly appDir?: string
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		const child = spawn(process.execPath, ['node_modules/.bin/tsx', 'tests/e2e/serve.ts'], {
			env: { ...process.env, PORT: String(this.port), E2E_DATA_DIR: this.dataDir, ...(this.appDir ? { E2E_APP_DIR: this.appDir } : {}) },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		this.#process = child;
		await new Promise<void>((ready, fail) => {
			child.stdout!.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('e2e server at')) ready();
			});
			child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
		});
	}

	async stop(): Promise<void> {
		const child = this.#process;
		if (!child || child.exitCode !== null) return;
		await new Promise((done) => {
			child.once('exit', done);
			child.kill('SIGTERM');
		});
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
