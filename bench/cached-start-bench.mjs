// The start of a morning's reading: 100 subscriptions, 50,000 cached articles, no network.
// flashnews: launch to the first frame that shows them all (pty), from its cache, with every
// refresh failing at once (the server is gone). newsboat: `-x print-unread` on a cache.db that
// holds the same articles. Both read from what an earlier refresh left on disk.
import {spawn, spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';
import {benchCacheDir, cliPath, repoRoot} from './app-session.mjs';
import {generateItems} from './generate-feeds.mjs';
import {newsboatVersion} from './newsboat-bench.mjs';
import {launch, terminalEnv} from './pty-timing.mjs';
import {formatRatio, heading, note, statLine} from './report.mjs';
import {repeat, summarize} from './stats.mjs';
import {makeTempDir, removeTempDir} from './temp-dirs.mjs';

const FEEDS = 100;
const PER_FEED = 500;

function escapeXml(text) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function feedDocument(feed) {
	const items = [];
	for (const item of generateItems(PER_FEED, 7000 + feed)) {
		const id = `${item.id}:feed-${feed}`;
		items.push(
			`<item><title>${escapeXml(item.title)}</title><link>${item.link}/${feed}</link><guid isPermaLink="false">${id}</guid><pubDate>${item.published.toUTCString()}</pubDate><author>${escapeXml(item.author)}</author><description>${escapeXml(item.html)}</description></item>`,
		);
	}
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>https://news.example.com/${feed}</link>${items.join('\n')}</channel></rss>\n`;
}

function run(args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('exit', code =>
			code === 0 ? resolve() : reject(new Error(`flashnews ${args[0]} exited with ${code}: ${stderr.slice(0, 300)}`)),
		);
	});
}

export async function prepareFlashnews(dir) {
	const documents = Array.from({length: FEEDS}, (_, feed) => feedDocument(feed));
	const server = createServer((request, response) => {
		const feed = Number(/^\/feed-(\d+)\.xml$/.exec(request.url ?? '')?.[1]);
		if (!Number.isInteger(feed) || documents[feed] === undefined) return void response.writeHead(404).end();
		response.writeHead(200, {'content-type': 'application/rss+xml'}).end(documents[feed]);
	});
	await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address();
	const urls = path.join(dir, 'urls');
	writeFileSync(urls, documents.map((_, feed) => `http://127.0.0.1:${port}/feed-${feed}.xml`).join('\n'));
	const env = terminalEnv({FLASHNEWS_CACHE_DIR: benchCacheDir()});
	const configDir = path.join(dir, 'config');
	try {
		await run(['import', urls, '--config-dir', configDir], env);
		await run(['--plain', '--config-dir', configDir], env);
	} finally {
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
	for (let feed = 0; feed < FEEDS; feed++) writeFileSync(path.join(dir, `feed-${feed}.xml`), documents[feed]);
	return configDir;
}

function newsboatTime(dir) {
	const home = path.join(dir, 'newsboat');
	spawnSync('mkdir', ['-p', home]);
	const urls = path.join(home, 'urls');
	writeFileSync(urls, Array.from({length: FEEDS}, (_, feed) => pathToFileURL(path.join(dir, `feed-${feed}.xml`)).href).join('\n'));
	writeFileSync(path.join(home, 'config'), `max-items ${PER_FEED}\n`);
	const args = ['-u', urls, '-c', path.join(home, 'cache.db'), '-C', path.join(home, 'config')];
	const env = {...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home};
	const reload = spawnSync('newsboat', ['-x', 'reload', ...args], {env, encoding: 'utf8'});
	if (reload.status !== 0) throw new Error(`newsboat reload failed: ${reload.stderr.slice(0, 200)}`);
	return () => {
		const startedAt = performance.now();
		const result = spawnSync('newsboat', ['-x', 'print-unread', ...args], {env, encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`newsboat print-unread failed: ${result.stderr.slice(0, 200)}`);
		return performance.now() - startedAt;
	};
}

/** @returns the ratio of medians flashnews / newsboat (NaN without newsboat) */
export async function runCachedStartBench({runs}) {
	const total = FEEDS * PER_FEED;
	heading(`Cached start: ${FEEDS} subscriptions, ${total.toLocaleString('en-US')} cached articles, server gone`);
	const dir = makeTempDir('flashnews-bench-subscriptions-');
	try {
		const configDir = await prepareFlashnews(dir);
		const marker = new RegExp(`(?<!\\d)${total} articles`);
		const env = terminalEnv({FLASHNEWS_CACHE_DIR: benchCacheDir()});
		const firstFrame = async () => {
			const session = launch(process.execPath, [cliPath, '--config-dir', configDir, '--timeout', '2'], {cwd: repoRoot, env});
			try {
				return await session.waitForText(marker, 30_000);
			} finally {
				await session.close();
			}
		};
		await firstFrame();
		const ours = summarize(await repeat(runs, firstFrame));
		statLine('flashnews, launch to the list of all', ours);
		if (!newsboatVersion()) {
			note('newsboat not installed (apt-get install newsboat): no reference');
			return Number.NaN;
		}
		const printUnread = newsboatTime(dir);
		const theirs = summarize(await repeat(runs, async () => printUnread()));
		statLine('newsboat -x print-unread', theirs);
		const ratio = ours.median / theirs.median;
		note(`flashnews / newsboat: ${formatRatio(ratio)}`);
		return ratio;
	} finally {
		removeTempDir(dir);
	}
}
