import {describe, expect, it} from 'vitest';
import {openableUrl} from '../../../src/core/links/openable-url.js';

describe('which links may open', () => {
	it.each(['https://news.example/story?id=1#top', 'http://news.example/', 'mailto:editor@news.example'])('opens %s as it is', link => {
		expect(openableUrl(link)).toEqual({ok: true, url: link});
	});

	it.each([
		['javascript:alert(1)', 'javascript:'],
		['JavaScript:alert(1)', 'javascript:'],
		['java\tscript:alert(1)', 'javascript:'],
		['file:///etc/passwd', 'file:'],
		['data:text/html,<script>alert(1)</script>', 'data:'],
		['vbscript:msgbox', 'vbscript:'],
		['ftp://files.example/', 'ftp:'],
	])('refuses %s, naming its scheme', (link, scheme) => {
		const result = openableUrl(link);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.reason).toBe(`a ${scheme} link`);
	});

	it('refuses a relative link and an empty one', () => {
		expect(openableUrl('/story/1')).toEqual({ok: false, reason: 'a relative link'});
		expect(openableUrl('')).toEqual({ok: false, reason: 'no link'});
	});

	it('hands on a link with shell syntax in it as one percent-encoded URL', () => {
		expect(openableUrl('https://x/$(touch /tmp/p)')).toEqual({ok: true, url: 'https://x/$(touch%20/tmp/p)'});
		expect(openableUrl('https://x/a b;c`d`')).toEqual({ok: true, url: 'https://x/a%20b;c%60d%60'});
	});
});
