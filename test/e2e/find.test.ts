import {beforeAll, describe, expect, it} from 'vitest';
import {type ArticleJson, articlesJson, lineWith, titleStart} from './cli-output.js';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

let bundled: ArticleJson[];

beforeAll(() => {
	bundled = articlesJson([]);
});

/** The bundled articles that hold `word` anywhere the search looks: title, byline, feed, section, categories, text. */
function holding(word: string): ArticleJson[] {
	return bundled.filter(article =>
		[article.title, article.author, article.feed, article.section, ...article.categories, article.summary, article.content]
			.join('\n')
			.toLowerCase()
			.includes(word),
	);
}

const headerOf = (screen: string) => screen.split('\n')[0] ?? '';

describe.skipIf(!hasTmux())('finding articles in a real terminal', () => {
	it('types a search, keeps it, saves a match, and switches to the saved and unread views', async () => {
		const total = bundled.length;
		const trams = holding('tram');
		expect(trams.length).toBeGreaterThan(0);
		const app = start(['--config-dir', configDir()]);
		await app.waitFor(`${total} articles · ${total} unread · 0 ★`);

		app.press('/');
		await app.waitFor(screen => screen.trimEnd().split('\n').at(-1)?.startsWith('/') === true);
		for (const key of 'tram') app.type(key);
		const searched = await app.waitFor(screen => /search: tram · \d+ of \d+/.test(headerOf(screen)));
		expect(headerOf(searched)).toContain(`search: tram · ${trams.length} of ${total}`);
		for (const article of trams) expect(searched).toContain(titleStart(article.title));
		expect(searched).not.toContain(titleStart(bundled.find(article => !trams.includes(article))!.title));

		app.press('Enter');
		await app.waitFor('j/k move');
		app.press('b');
		await app.waitFor('· 1 ★');

		app.press('B');
		const saved = await app.waitFor(screen => headerOf(screen).startsWith('Saved · search: tram · 1 of 1'));
		// The search kept, the first match was the one saved.
		expect(lineWith(saved, titleStart(trams[0]!.title))).toMatch(/^› ?●?★/);
		app.press('Escape');
		await app.waitFor(screen => /^Saved\s+1 article · 1 unread · 1 ★/.test(headerOf(screen)));

		// Back to all articles, still on the saved one; reading it takes it out of the unread view.
		app.press('a');
		const all = await app.waitFor(screen => headerOf(screen).includes(`${total} articles`));
		expect(lineWith(all, titleStart(trams[0]!.title))).toMatch(/^›/);
		app.press('Enter');
		await app.waitFor(`article ${bundled.findIndex(article => article.id === trams[0]!.id) + 1} of ${total}`);
		app.press('h');
		app.press('U');
		const unread = await app.waitFor(screen => /^Unread\s/.test(headerOf(screen)));
		expect(headerOf(unread)).toContain(`${total - 1} articles · ${total - 1} unread`);
		expect(unread).not.toContain(titleStart(trams[0]!.title));

		// A pasted query narrows the unread view as typing does.
		app.press('/');
		app.paste('night train');
		await app.waitFor(screen => /^Unread · search: night train · \d+ of \d+/.test(headerOf(screen)));
		app.press('Escape');
		await app.waitFor(screen => /^Unread\s/.test(headerOf(screen)) && !headerOf(screen).includes('search'));

		app.press('A');
		await app.waitFor(`marked ${total - 1} articles read · u undoes`);
		expect(headerOf(app.screen())).toContain(`${total - 1} articles · 0 unread`);
		app.press('u');
		await app.waitFor(`marked ${total - 1} articles unread again`);
		expect(headerOf(app.screen())).toContain(`${total - 1} unread`);
	});

	it('lists every new key in the help', async () => {
		const app = start(['--config-dir', configDir()], {columns: 120, rows: 40});
		await app.waitFor(`${bundled.length} articles`);
		app.press('?');
		await app.waitFor('Search as you type');
		// Each waited for: tmux may show the help half drawn, its lower lines still to come.
		for (const text of [
			'View unread articles only',
			'View saved articles (bookmarks)',
			'Sort by date or by feed',
			'Mark every article in the view read',
			'Undo marking the view read',
			'Previous unread article',
		]) {
			expect(await app.waitFor(text)).toContain(text);
		}
	});
});
