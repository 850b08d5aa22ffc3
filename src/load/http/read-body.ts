/** Thrown by readCappedBody when the body passes its limit; the caller aborts the request. */
export class BodyTooLarge extends Error {
	override name = 'BodyTooLarge';
}

/**
 * Every byte of a response body, counted as it arrives (after decompression, which fetch does
 * while streaming), so a body past `maxBytes` stops the download there: memory never holds more
 * than the limit, however large or endless the body is.
 */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
	if (body === null) return new Uint8Array(0);
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const {done, value} = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > maxBytes) throw new BodyTooLarge();
			chunks.push(value);
		}
	} catch (error) {
		reader.cancel().catch(() => {});
		throw error;
	}
	return Buffer.concat(chunks, total);
}
