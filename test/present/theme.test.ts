import {describe, expect, it} from 'vitest';
import {colorDisabledByEnvironment, createTheme} from '../../src/present/theme.js';

describe('the theme', () => {
	it('colors text when the terminal supports color', () => {
		const theme = createTheme({level: 1, noColor: false});
		expect(theme.error('oops')).toBe('\u001B[31moops\u001B[39m');
	});

	it('drops colors but keeps bold and inverse under NO_COLOR', () => {
		const theme = createTheme({level: 1, noColor: true});
		expect(theme.error('oops')).toBe('oops');
		expect(theme.selected('row')).toBe('\u001B[7mrow\u001B[27m');
		expect(theme.header('Flash News')).toBe('\u001B[1mFlash News\u001B[22m');
	});

	it('prints plain text when the output is not a color terminal', () => {
		const theme = createTheme({level: 0, noColor: false});
		expect(theme.selected('row')).toBe('row');
		expect(theme.error('oops')).toBe('oops');
	});

	it('reads NO_COLOR as set only when it is not empty', () => {
		expect(colorDisabledByEnvironment({NO_COLOR: '1'})).toBe(true);
		expect(colorDisabledByEnvironment({NO_COLOR: ''})).toBe(false);
		expect(colorDisabledByEnvironment({})).toBe(false);
	});

	it('honours NO_COLOR from the environment by default', () => {
		const previous = process.env.NO_COLOR;
		process.env.NO_COLOR = '1';
		try {
			expect(createTheme({level: 1}).error('x')).toBe('x');
		} finally {
			if (previous === undefined) delete process.env.NO_COLOR;
			else process.env.NO_COLOR = previous;
		}
	});
});
