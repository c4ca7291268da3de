/**
 * On a cluster, `_all_docs` and views read one copy of each shard, and a write returns once a
 * quorum (two of three copies) holds it, so a read right after a write may miss it for a few
 * milliseconds. The suites assert what a reader sees once the copies agree: retry the check
 * until it holds, and fail with its last assertion if it never does. On one node the first try
 * holds.
 */
import { vi } from 'vitest';

export function eventually<T>(check: () => Promise<T>): Promise<T> {
	return vi.waitFor(check, { timeout: 10_000, interval: 100 });
}
