import {describe, expect, it} from 'vitest';
import type {Article} from '../../../src/core/articles/article.js';
import type {CommandId} from '../../../src/ui/keys/bindings.js';
import {type ReaderAction, step} from '../../../src/ui/reader/reader-reducer.js';
import {initialReaderState, type ReaderEnv, type ReaderState, type StepResult} from '../../../src/ui/reader/reader-state.js';
import {makeArticle} from '../helpers/articles.js';

const env: ReaderEnv = {listRows: 5, detailRows: 4, detailLineCount: () => 40, isRead: () => false};

const body =
	'<p>Read <a href="/report">the report</a>, <a href="mailto:desk@news.example">write to us</a>, ' +
	'<a href="javascript:alert(1)">win a prize</a> or <a href="file:///etc/passwd">see a file</a>.</p>';
const linked = makeArticle(1, {content: {format: 'html', value: body, base: 'https://news.example/a/1'}});
const unlinked = makeArticle(2, {link: null});
const twelveLinks = makeArticle(3, {
	content: {
		format: 'html',
		value: Array.from({length: 12}, (_, index) => `<a href="https://x.example/${index + 1}">${index + 1}</a>`).join(' '),
	},
});

function listOf(...articles: Article[]): ReaderState {
	return initialReaderState(articles);
}

function reading(article: Article): ReaderState {
	return {...initialReaderState([article]), screen: {kind: 'detail', scroll: 3}};
}

const command = (name: CommandId): ReaderAction => ({type: 'command', command: name});
const digit = (value: number): ReaderAction => ({type: 'linkDigit', digit: value});

function run(state: ReaderState, ...actions: ReaderAction[]): StepResult {
	let result: StepResult = {state, effects: []};
	for (const action of actions) {
		const next = step(result.state, action, env);
		result = {state: next.state, effects: [...result.effects, ...next.effects]};
	}
	return result;
}

describe("opening and copying the article's link", () => {
	it("opens the selected headline's link from the list and says so", () => {
		const result = run(listOf(linked), command('openLink'));
		expect(result.effects).toEqual([{type: 'openLink', url: 'https://news.example/1'}]);
		expect(result.state.message).toBe('opening https://news.example/1');
		expect(result.state.screen).toEqual({kind: 'list'});
	});

	it("copies the open article's link, telling the user it depends on the terminal", () => {
		const result = run(reading(linked), command('copyLink'));
		expect(result.effects).toEqual([{type: 'copyLink', url: 'https://news.example/1'}]);
		expect(result.state.message).toBe('link copied (if your terminal allows OSC 52)');
	});

	it('says so when the article has no link, and does nothing else', () => {
		const result = run(listOf(unlinked), command('openLink'));
		expect(result.effects).toEqual([]);
		expect(result.state.message).toBe('this article has no link');
	});

	it('does nothing on an empty list', () => {
		expect(run(listOf(), command('openLink'), command('copyLink')).effects).toEqual([]);
	});
});

describe('following a numbered link in the article', () => {
	it('opens link 1, made absolute, after the digit 1', () => {
		const result = run(reading(linked), digit(1), command('openLink'));
		expect(result.effects).toEqual([{type: 'openLink', url: 'https://news.example/report'}]);
		expect(result.state.screen).toEqual({kind: 'detail', scroll: 3});
	});

	it('names the link the digit chose before it is used', () => {
		expect(run(reading(linked), digit(2)).state.message).toBe('link 2: o opens it, y copies it');
	});

	it('copies a mailto link by its number', () => {
		expect(run(reading(linked), digit(2), command('copyLink')).effects).toEqual([{type: 'copyLink', url: 'mailto:desk@news.example'}]);
	});

	it('refuses a javascript: link and a file: link with a message, opening nothing', () => {
		const script = run(reading(linked), digit(3), command('openLink'));
		expect(script.effects).toEqual([]);
		expect(script.state.message).toBe('refused link 3: a javascript: link (only http, https and mailto links open)');
		const file = run(reading(linked), digit(4), command('copyLink'));
		expect(file.effects).toEqual([]);
		expect(file.state.message).toBe('refused link 4: a file: link (only http, https and mailto links open)');
	});

	it('reads two digits as one number', () => {
		expect(run(reading(twelveLinks), digit(1), digit(2), command('openLink')).effects).toEqual([
			{type: 'openLink', url: 'https://x.example/12'},
		]);
	});

	it('says there is no such link for a number past the last, and forgets it', () => {
		const result = run(reading(linked), digit(7));
		expect(result.state.message).toBe('no link 7: this article has 4 links');
		expect(run(result.state, command('openLink')).effects).toEqual([{type: 'openLink', url: 'https://news.example/1'}]);
	});

	it('forgets the number after it is used or after any other key', () => {
		const used = run(reading(linked), digit(1), command('openLink'), command('openLink'));
		expect(used.effects.at(-1)).toEqual({type: 'openLink', url: 'https://news.example/1'});
		const moved = run(reading(linked), digit(1), command('scrollDown'), command('openLink'));
		expect(moved.effects).toEqual([{type: 'openLink', url: 'https://news.example/1'}]);
	});

	it('ignores digits on the headline list', () => {
		const result = run(listOf(linked), digit(1), command('openLink'));
		expect(result.effects).toEqual([{type: 'openLink', url: 'https://news.example/1'}]);
	});
});

describe('messages from the outside world', () => {
	it('shows a reported problem in the status line until the next key', () => {
		const reported = run(listOf(linked), {type: 'showMessage', message: 'could not start a browser'});
		expect(reported.state.message).toBe('could not start a browser');
		expect(run(reported.state, command('moveDown')).state.message).toBeNull();
	});
});
