// JSON.parse with a useful one-line error: where the text stops being JSON, and why.

import {FeedError} from '../feed-error.js';

type JsonProblem = {offset: number; problem: string};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function describeChar(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	return code > 0x20 && code < 0x7f ? `'${char}'` : `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function scanString(text: string, start: number): JsonProblem | number {
	let index = start + 1;
	while (index < text.length) {
		const char = text[index] as string;
		if (char === '"') return index + 1;
		if (char === '\\') {
			const next = text[index + 1] ?? '';
			if (next === 'u' && /^[\da-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) index += 6;
			else if (ESCAPES.has(next)) index += 2;
			else return {offset: index, problem: 'invalid escape in string'};
		} else if (char < ' ') {
			return {offset: index, problem: 'control character in string'};
		} else {
			index++;
		}
	}
	return {offset: start, problem: 'unterminated string'};
}

function findJsonProblem(text: string): JsonProblem | null {
	const stack: string[] = [];
	let state: 'value' | 'key' | 'after' = 'value';
	let index = 0;
	let justOpened = false;
	for (;;) {
		while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++;
		if (index >= text.length) {
			return state === 'after' && stack.length === 0 ? null : {offset: index, problem: 'unexpected end of input'};
		}
		const char = text[index] as string;
		if (state === 'after') {
			const open = stack.at(-1);
			if (open === undefined) return {offset: index, problem: 'unexpected text after the JSON value'};
			if (char === ',') {
				index++;
				state = open === '{' ? 'key' : 'value';
				justOpened = false;
			} else if ((open === '{' && char === '}') || (open === '[' && char === ']')) {
				stack.pop();
				index++;
			} else {
				return {offset: index, problem: `expected ',' or '${open === '{' ? '}' : ']'}' but found ${describeChar(char)}`};
			}
			continue;
		}
		if (state === 'key') {
			if (char === '}' && justOpened) {
				stack.pop();
				index++;
				state = 'after';
				continue;
			}
			if (char !== '"') return {offset: index, problem: `expected a property name in double quotes but found ${describeChar(char)}`};
			const end = scanString(text, index);
			if (typeof end !== 'number') return end;
			index = end;
			while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++;
			if (text[index] !== ':') return {offset: index, problem: "expected ':' after a property name"};
			index++;
			state = 'value';
			continue;
		}
		if (char === '{' || char === '[') {
			stack.push(char);
			index++;
			state = char === '{' ? 'key' : 'value';
			justOpened = true;
			continue;
		}
		if (char === ']' && justOpened && stack.at(-1) === '[') {
			stack.pop();
			index++;
			state = 'after';
			continue;
		}
		justOpened = false;
		if (char === '"') {
			const end = scanString(text, index);
			if (typeof end !== 'number') return end;
			index = end;
		} else if (char === '-' || (char >= '0' && char <= '9')) {
			NUMBER.lastIndex = index;
			if (!NUMBER.test(text)) return {offset: index, problem: 'invalid number'};
			index = NUMBER.lastIndex;
		} else {
			const literal = LITERALS.find(word => text.startsWith(word, index));
			if (literal === undefined) return {offset: index, problem: `unexpected ${describeChar(char)}`};
			index += literal.length;
		}
		state = 'after';
	}
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
	return line;
}

/** JSON.parse with a one-line FeedError ("invalid JSON: … (line N)") instead of a SyntaxError. */
export function parseJsonText(text: string): unknown {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	try {
		return JSON.parse(body);
	} catch {
		const found = findJsonProblem(body);
		if (found === null) throw new FeedError('invalid JSON');
		throw new FeedError(`invalid JSON: ${found.problem} (line ${lineAt(body, found.offset)})`);
	}
}
