/** A request body small enough to hold in memory (a push subscription), or null when it is larger. */
export const MAX_SMALL_BODY = 8192;

export async function readSmallBody(stream: AsyncIterable<Uint8Array>, max = MAX_SMALL_BODY): Promise<Uint8Array<ArrayBuffer> | null> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of stream) {
		size += chunk.length;
		if (size > max) return null;
		chunks.push(chunk);
	}
	const body = new Uint8Array(new ArrayBuffer(size));
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.length;
	}
	return body;
}
