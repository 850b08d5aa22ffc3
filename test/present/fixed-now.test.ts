import {describe, expect, it} from 'vitest';
import {fixedNowFromEnvironment} from '../../src/present/time-format.js';

describe('FLASHNEWS_NOW, the fixed clock for reproducible screenshots', () => {
	it('is read as whole seconds since the epoch', () => {
		expect(fixedNowFromEnvironment({FLASHNEWS_NOW: '1795652100'})).toBe(Date.parse('2026-11-26T00:15:00Z'));
		expect(fixedNowFromEnvironment({FLASHNEWS_NOW: ' 0 '})).toBe(0);
	});

	it('leaves the clock running when unset, empty or not a number of seconds', () => {
		for (const value of [undefined, '', 'now', '2026-11-26', '-5', '1.5', '1e9', '99999999999999999']) {
			expect(fixedNowFromEnvironment({FLASHNEWS_NOW: value})).toBeUndefined();
		}
	});

	it('does not follow SOURCE_DATE_EPOCH, which build shells export', () => {
		expect(fixedNowFromEnvironment({SOURCE_DATE_EPOCH: '315532800'})).toBeUndefined();
	});
});
