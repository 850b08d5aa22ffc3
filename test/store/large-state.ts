import fs from 'node:fs';

// A large state file written straight in the store's own format (one entry per line), so a test or
// the bench gets tens of megabytes in well under a second instead of marking articles one by one.

const BODY = `<p>${'A paragraph of a saved article, long enough to weigh what a real one does. '.repeat(50)}</p>`;

export const largeReadId = (index: number): string => `https://news.example/articles/2026/a-fairly-long-slug-${index}`;
export const largeBookmarkId = (index: number): string => `https://news.example/saved/${index}`;

/** Writes about `megabytes` MB to `file`: half read marks, half bookmarks. Returns how many of each. */
export function writeLargeState(file: string, megabytes: number, now = Date.now()): {readMarks: number; bookmarks: number} {
	const half = (megabytes * 1024 * 1024) / 2;
	const fd = fs.openSync(file, 'wx', 0o600);
	try {
		const section = (name: string, entry: (index: number) => string, last: boolean) => {
			fs.writeSync(fd, `\t${JSON.stringify(name)}: {\n`);
			let bytes = 0;
			let index = 0;
			while (bytes < half) {
				const lines: string[] = [];
				for (let batch = 0; batch < 1000 && bytes < half; batch++, index++) {
					const line = entry(index);
					lines.push(line);
					bytes += line.length + 2;
				}
				fs.writeSync(fd, `${index > lines.length ? ',\n' : ''}${lines.join(',\n')}`);
			}
			fs.writeSync(fd, `\n\t}${last ? '' : ','}\n`);
			return index;
		};
		fs.writeSync(fd, '{\n\t"schemaVersion": 2,\n');
		const readMarks = section('read', index => `\t\t${JSON.stringify(largeReadId(index))}: {"at":${now - index},"seen":${now}}`, false);
		const bookmarks = section(
			'bookmarks',
			index => {
				const id = largeBookmarkId(index);
				const snapshot = {
					id,
					title: `Saved article ${index}`,
					author: 'A. Writer',
					feed: 'Large Feed',
					section: null,
					published: now,
					link: id,
					summary: {format: 'text', value: 'A summary.'},
					content: {format: 'html', value: BODY},
					categories: ['news'],
					savedAt: now - index,
				};
				return `\t\t${JSON.stringify(id)}: ${JSON.stringify(snapshot)}`;
			},
			false,
		);
		fs.writeSync(fd, '\t"subscriptions": [],\n\t"feedMeta": {}\n}\n');
		return {readMarks, bookmarks};
	} finally {
		fs.closeSync(fd);
	}
}
