/**
 * Splits one BROWSER entry into argv words, as a shell would split a simple command but with no
 * shell: whitespace separates words, '…' and "…" quote, a backslash takes the next character
 * literally. Nothing is expanded ($VAR, $(…), globs): the words are run as they are.
 * (shell-quote's parser was considered; it also expands variables and reads operators, which is
 * exactly what must not happen here.)
 */
export function splitWords(entry: string): string[] {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '"' | "'" | null = null;
	for (let index = 0; index < entry.length; index++) {
		const char = entry[index]!;
		if (quote !== null) {
			if (char === quote) quote = null;
			else if (char === '\\' && quote === '"' && index + 1 < entry.length) word += entry[++index];
			else word += char;
		} else if (char === "'" || char === '"') {
			quote = char;
			inWord = true;
		} else if (char === '\\' && index + 1 < entry.length) {
			word += entry[++index];
			inWord = true;
		} else if (/\s/.test(char)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += char;
			inWord = true;
		}
	}
	if (inWord) words.push(word);
	return words;
}

/** One way to start a browser: the program and its arguments, the URL already in place. */
export type BrowserCommand = {file: string; args: string[]};

/**
 * Each entry becomes a command: `%s` in a word is replaced by the URL (`%%` is a literal %), and
 * an entry without `%s` gets the URL as its last argument.
 */
function commandFor(entry: string, url: string): BrowserCommand | undefined {
	const words = splitWords(entry);
	if (words.length === 0) return undefined;
	let placed = false;
	const argv = words.map(word =>
		word.replace(/%[s%]/g, marker => {
			if (marker === '%%') return '%';
			placed = true;
			return url;
		}),
	);
	if (!placed) argv.push(url);
	const [file, ...args] = argv;
	return {file: file!, args};
}

/**
 * The commands to try, in order, to open `url`: the colon-separated entries of $BROWSER when it is
 * set, else the desktop's opener (`open` on macOS, `xdg-open` elsewhere).
 */
export function browserCommands(
	url: string,
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): BrowserCommand[] {
	const browser = env.BROWSER ?? '';
	if (browser.trim() !== '') {
		return browser.split(':').flatMap(entry => commandFor(entry, url) ?? []);
	}
	if (platform === 'win32') return [];
	return [{file: platform === 'darwin' ? 'open' : 'xdg-open', args: [url]}];
}
