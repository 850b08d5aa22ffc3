import {sanitizeLine} from '../text/sanitize.js';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const BASE_PROTOCOLS = new Set(['http:', 'https:']);

function tryUrl(value: string | undefined, base: URL | undefined): URL | undefined {
	if (value === undefined) return undefined;
	const text = sanitizeLine(value);
	if (text === '') return undefined;
	try {
		return new URL(text, base);
	} catch {
		return undefined;
	}
}

// Every item of a feed usually shares the same bases: remember the last chain resolved.
let lastBases: (string | undefined)[] = [];
let lastBase: URL | undefined;

function resolveBase(bases: (string | undefined)[]): URL | undefined {
	if (bases.length === lastBases.length && bases.every((base, index) => base === lastBases[index])) return lastBase;
	let base: URL | undefined;
	for (let index = bases.length - 1; index >= 0; index--) {
		const candidate = tryUrl(typeof bases[index] === 'string' ? bases[index] : undefined, base);
		if (candidate && BASE_PROTOCOLS.has(candidate.protocol)) base = candidate;
	}
	lastBases = [...bases];
	lastBase = base;
	return base;
}

/**
 * Resolves a feed link to an absolute URL. `bases` are in order of precedence (item xml:base, feed
 * base, feed link); a relative base is itself resolved against the bases after it. Only http(s) and
 * mailto results are kept: `javascript:`, `data:`, `file:` and anything unparseable give null.
 */
export function resolveLink(href: string | undefined, bases: (string | undefined)[]): string | null {
	if (typeof href !== 'string') return null;
	const url = tryUrl(href, resolveBase(bases));
	if (!url || !ALLOWED_PROTOCOLS.has(url.protocol)) return null;
	const result = sanitizeLine(url.href);
	return result === '' ? null : result;
}
