// The screens the README shows, and the keys that reach them from a fresh start on the bundled
// feeds. One session walks through them in order, so a step may rely on what the one before did.

/** The terminal the pictures are taken in. */
export const TERMINAL = {columns: 100, rows: 30};

/** The reader's clock, so "2h ago" reads the same whenever the pictures are taken (FLASHNEWS_NOW). */
export const CLOCK = '2026-11-26T00:15:00Z';

const header = screen => screen.split('\n')[0] ?? '';
const loaded = screen => /\d+ articles · \d+ unread · \d+ ★/.test(header(screen)) && !screen.includes('feeds loaded…');

/**
 * @typedef {{keys?: string[], text?: string, until: (screen: string) => boolean, describe: string}} Step
 * keys: tmux send-keys names ('Enter', 'Escape', 'j'); text: typed literally, key by key.
 * @typedef {{name: string, alt: string, steps: Step[]}} Screen
 */

/** @type {Screen[]} */
export const SCREENS = [
	{
		name: 'list',
		alt: 'The headline list: unread dots, a saved article, bylines with feed and age, the key hints',
		steps: [
			{until: loaded, describe: 'the bundled feeds loaded'},
			// One article saved and one read, so the list shows what both look like.
			{keys: ['j', 'j', 'b'], until: screen => header(screen).endsWith(' 1 ★'), describe: 'the third headline saved'},
			{keys: ['j', 'm'], until: screen => screen.split('\n')[4]?.startsWith('›  ') === true, describe: 'the fourth one read'},
			{keys: ['g'], until: screen => screen.split('\n')[1]?.startsWith('›') === true, describe: 'back on the first headline'},
		],
	},
	{
		name: 'search',
		alt: 'Search as you type: the query line at the bottom, the list narrowed to the matches, the words found highlighted',
		steps: [
			{keys: ['/'], until: screen => screen.trimEnd().split('\n').at(-1)?.startsWith('/') === true, describe: 'the query line open'},
			{text: 'train', until: screen => /search: train · \d+ of \d+/.test(header(screen)), describe: 'the matches for "train"'},
		],
	},
	{
		name: 'article',
		alt: 'The article view: title, byline, date, sections, link, and the text wrapped to the terminal',
		steps: [
			{keys: ['Escape'], until: screen => !header(screen).includes('search:'), describe: 'the search cleared'},
			{keys: ['/'], until: screen => screen.trimEnd().split('\n').at(-1)?.startsWith('/') === true, describe: 'the query line open'},
			{text: 'paris', until: screen => /search: paris · 1 of \d+/.test(header(screen)), describe: 'the Paris story found'},
			{keys: ['Enter'], until: screen => !screen.trimEnd().split('\n').at(-1)?.startsWith('/'), describe: 'the search kept'},
			{keys: ['Enter'], until: screen => screen.includes('https://flashnews.example/bota/'), describe: 'the Paris story open'},
		],
	},
	{
		name: 'help',
		alt: 'The help screen, made from the key table: every key of the list and the article view',
		steps: [
			{keys: ['Escape'], until: screen => screen.split('\n')[1]?.startsWith('›') === true, describe: 'back in the list'},
			{keys: ['Escape'], until: screen => !header(screen).includes('search:'), describe: 'the search cleared'},
			{keys: ['?'], until: screen => screen.includes('Keys (any key closes this help)'), describe: 'the help open'},
		],
	},
];
