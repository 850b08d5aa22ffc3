import {describe, expect, it} from 'vitest';
import {parseFeed} from '../../src/core/parse-feed.js';

const encoder = new TextEncoder();

function rss(filler: number): string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><description>${'x'.repeat(filler)}</description><item><title>One item</title><guid>one</guid></item></channel></rss>`;
}

/** `text` with one NUL byte put in at `at`. */
function withNul(text: string, at: number): Uint8Array {
	const bytes = encoder.encode(text);
	const out = new Uint8Array(bytes.length + 1);
	out.set(bytes.subarray(0, at));
	out.set(bytes.subarray(at), at + 1);
	return out;
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
	const bytes = new Uint8Array(text.length * 2);
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		bytes[2 * index + (order === 'le' ? 0 : 1)] = code & 0xff;
		bytes[2 * index + (order === 'le' ? 1 : 0)] = code >> 8;
	}
	return bytes;
}

describe('telling a feed from binary data', () => {
	it('reads a feed with one stray NUL byte near its start as it reads one with the byte further on', async () => {
		const text = rss(6000);
		// Both inside the channel's description: one in the part looked at for binary data, one after it.
		const early = await parseFeed(withNul(text, 100), 'early.xml');
		const late = await parseFeed(withNul(text, 5000), 'late.xml');
		expect(late.ok && late.articles.map(article => article.title)).toEqual(['One item']);
		expect(early.ok && early.articles.map(article => article.title)).toEqual(['One item']);
	});

	it.each(['le', 'be'] as const)('reads UTF-16%s JSON without a byte order mark', async order => {
		const json = JSON.stringify({title: 'Wide', articles: [{id: 'w1', title: 'Çelësi në UTF-16'}]});
		for (const text of [json, `\n  ${json}`]) {
			const result = await parseFeed(utf16(text, order), 'wide.json');
			expect(result.ok && result.articles.map(article => article.title)).toEqual(['Çelësi në UTF-16']);
		}
	});

	it('still refuses binary data', async () => {
		const png = new Uint8Array(4096);
		png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		for (let index = 16; index < png.length; index++) png[index] = (index * 7919) % 256;
		expect(await parseFeed(png, 'image.png')).toEqual({ok: false, source: 'image.png', error: 'not a feed: binary data'});
		expect(await parseFeed(new Uint8Array(2048), 'zeros.bin')).toMatchObject({ok: false, error: 'not a feed: binary data'});
	});
});
