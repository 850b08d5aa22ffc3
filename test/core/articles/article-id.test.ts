import {describe, expect, it} from 'vitest';
import {articleId} from '../../../src/core/articles/article-id.js';

const base = {title: 'A title', published: 1_714_737_600_000};

describe('articleId', () => {
	it('uses a URL-like guid as it is, trimmed', () => {
		expect(articleId('Feed', {...base, id: '  https://news.example/1  '})).toBe('https://news.example/1');
		expect(articleId('Feed', {...base, id: 'tag:news.example,2024:1'})).toBe('tag:news.example,2024:1');
		expect(articleId('Feed', {...base, id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a'})).toBe(
			'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
		);
	});

	it('keeps a UUID guid without a feed prefix', () => {
		expect(articleId('Feed', {...base, id: '1225c695-cfb8-4ebb-aaaa-80da344efa6a'})).toBe('1225c695-cfb8-4ebb-aaaa-80da344efa6a');
	});

	it('namespaces a short local guid with the feed so two feeds reusing "1" do not collide', () => {
		const first = articleId('Flash News', {...base, id: '1'});
		const second = articleId('Other Feed', {...base, id: '1'});
		expect(first).not.toBe(second);
		expect(first).toBe('Flash News#1');
	});

	it('falls back to the link when there is no guid or only whitespace', () => {
		expect(articleId('Feed', {...base, link: 'https://news.example/story'})).toBe('https://news.example/story');
		expect(articleId('Feed', {...base, id: '   ', link: 'https://news.example/story'})).toBe('https://news.example/story');
	});

	it('hashes feed, title and date when there is neither guid nor link, the same on every call', () => {
		const id = articleId('Feed', {...base, link: null});
		expect(id).toMatch(/^h:[\da-f]{16}$/);
		expect(articleId('Feed', {...base, link: null})).toBe(id);
		expect(articleId('Feed', {...base, title: 'Another title', link: null})).not.toBe(id);
		expect(articleId('Feed', {...base, published: null, link: null})).not.toBe(id);
		expect(articleId('Other', {...base, link: null})).not.toBe(id);
	});

	it('strips control characters from ids', () => {
		expect(articleId('Feed', {...base, id: 'https://news.example/\u001B[31m1\u0007'})).toBe('https://news.example/1');
	});

	it('hashes absurdly long guids into a short stable id', () => {
		const long = `https://news.example/${'x'.repeat(5000)}`;
		const id = articleId('Feed', {...base, id: long});
		expect(id).toMatch(/^h:[\da-f]{16}$/);
		expect(articleId('Feed', {...base, id: long})).toBe(id);
	});
});
