/**
 * Which CouchDB nodes of a cluster answer. A node counts as healthy while its `/_up` answers
 * 200; it is marked down at once when a request to it fails to connect, and probed again every
 * `probeMs`, so a restarted node is used again within that time. Nodes are preferred in the
 * order given: one coordinator at a time keeps what a device reads right after its own write
 * on the node that took it, and the others stand by.
 */
export interface NodePoolOptions {
	/** Server admin for the probe, in case `/_up` is closed to anonymous users. */
	admin?: { name: string; password: string };
	/** How often every node's `/_up` is asked; 0 turns the periodic probe off. */
	probeMs?: number;
	/** How long one probe may take before the node counts as down. */
	probeTimeoutMs?: number;
}

export class NodePool {
	readonly urls: readonly string[];
	private readonly down = new Set<string>();
	private readonly headers: Record<string, string>;
	private readonly timeoutMs: number;
	private timer?: ReturnType<typeof setInterval>;

	constructor(urls: readonly string[], options: NodePoolOptions = {}) {
		if (urls.length === 0) throw new Error('a node pool needs at least one CouchDB node');
		this.urls = [...urls];
		this.timeoutMs = options.probeTimeoutMs ?? 1500;
		this.headers = options.admin
			? { authorization: `Basic ${Buffer.from(`${options.admin.name}:${options.admin.password}`).toString('base64')}` }
			: {};
		const probeMs = options.probeMs ?? 2000;
		if (probeMs > 0) {
			this.timer = setInterval(() => void this.probeAll(), probeMs);
			this.timer.unref();
		}
	}

	/** Every node, healthy ones first (in the given order), then those marked down as a last resort. */
	candidates(): string[] {
		return [...this.urls.filter((url) => !this.down.has(url)), ...this.urls.filter((url) => this.down.has(url))];
	}

	isHealthy(url: string): boolean {
		return !this.down.has(url);
	}

	markDown(url: string): void {
		this.down.add(url);
	}

	/** Asks one node's `/_up` and records the answer. */
	async probe(url: string): Promise<boolean> {
		let healthy = false;
		try {
			const response = await fetch(`${url}/_up`, { headers: this.headers, signal: AbortSignal.timeout(this.timeoutMs) });
			healthy = response.status === 200;
			await response.body?.cancel();
		} catch {
			healthy = false;
		}
		if (healthy) this.down.delete(url);
		else this.down.add(url);
		return healthy;
	}

	async probeAll(): Promise<void> {
		await Promise.all(this.urls.map((url) => this.probe(url)));
	}

	/** The first node, in the given order, whose `/_up` answers now (provisioning talks to it). */
	async firstReachable(): Promise<string> {
		for (const url of this.urls) if (await this.probe(url)) return url;
		throw new Error(`no CouchDB node answers /_up: ${this.urls.join(', ')}`);
	}

	close(): void {
		clearInterval(this.timer);
	}
}
