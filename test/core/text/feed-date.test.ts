import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseFeedDate} from '../../../src/core/text/feed-date.js';

const utc = (iso: string): number => Date.parse(iso);

describe('parseFeedDate', () => {
	it.each([
		['ISO 8601 in UTC', '2025-04-17T14:05:00Z', '2025-04-17T14:05:00Z'],
		['ISO 8601 with an offset and a fraction', '2025-04-17T14:05:00.123+02:00', '2025-04-17T12:05:00.123Z'],
		['ISO 8601 without seconds, offset without a colon', '2025-04-17T14:05+0200', '2025-04-17T12:05:00Z'],
		['ISO 8601 with a space instead of T', '2025-04-17 14:05:00 -05:00', '2025-04-17T19:05:00Z'],
		['ISO 8601 in basic format', '20250417T140500Z', '2025-04-17T14:05:00Z'],
		['an ISO date alone', '2025-04-17', '2025-04-17T00:00:00Z'],
		['RFC 822 with a numeric zone', 'Thu, 17 Apr 2025 14:05:00 +0200', '2025-04-17T12:05:00Z'],
		['RFC 822 in GMT', 'Thu, 17 Apr 2025 14:05:00 GMT', '2025-04-17T14:05:00Z'],
		['RFC 822 in UT', 'Thu, 17 Apr 2025 14:05:00 UT', '2025-04-17T14:05:00Z'],
		['RFC 822 in Z', 'Thu, 17 Apr 2025 14:05:00 Z', '2025-04-17T14:05:00Z'],
		['RFC 822 in EST', 'Thu, 17 Apr 2025 14:05:00 EST', '2025-04-17T19:05:00Z'],
		['RFC 822 in EDT', 'Thu, 17 Apr 2025 14:05:00 EDT', '2025-04-17T18:05:00Z'],
		['RFC 822 in CST', 'Thu, 17 Apr 2025 14:05:00 CST', '2025-04-17T20:05:00Z'],
		['RFC 822 in CDT', 'Thu, 17 Apr 2025 14:05:00 CDT', '2025-04-17T19:05:00Z'],
		['RFC 822 in MST', 'Thu, 17 Apr 2025 14:05:00 MST', '2025-04-17T21:05:00Z'],
		['RFC 822 in MDT', 'Thu, 17 Apr 2025 14:05:00 MDT', '2025-04-17T20:05:00Z'],
		['RFC 822 in PST', 'Thu, 17 Apr 2025 14:05:00 PST', '2025-04-17T22:05:00Z'],
		['RFC 822 in PDT', 'Thu, 17 Apr 2025 14:05:00 PDT', '2025-04-17T21:05:00Z'],
		['RFC 822 without a weekday', '17 Apr 2025 14:05:00 +0000', '2025-04-17T14:05:00Z'],
		['RFC 822 with the wrong weekday', 'Mon, 17 Apr 2025 14:05:00 +0000', '2025-04-17T14:05:00Z'],
		['RFC 822 with a two-digit year', 'Thu, 17 Apr 25 14:05:00 +0000', '2025-04-17T14:05:00Z'],
		['RFC 822 with a two-digit year in the last century', 'Fri, 17 Apr 98 14:05:00 +0000', '1998-04-17T14:05:00Z'],
		['RFC 822 with a single-digit day, lowercase month, no seconds', 'Mon, 7 apr 2025 14:05 GMT', '2025-04-07T14:05:00Z'],
		['RFC 822 with a full month name and a zone comment', 'Thu, 17 April 2025 14:05:00 +0200 (CEST)', '2025-04-17T12:05:00Z'],
		['a month-first date with AM/PM', 'April 17, 2025 2:05 PM', '2025-04-17T14:05:00Z'],
		["JavaScript's own date format", 'Thu Apr 17 2025 14:05:00 GMT+0200 (Central European Summer Time)', '2025-04-17T12:05:00Z'],
		['a midnight written as 24:00', '2025-04-17T24:00:00Z', '2025-04-18T00:00:00Z'],
	])('reads %s', (_name, input, expected) => {
		expect(parseFeedDate(input)).toBe(utc(expected));
	});

	it('reads dates without a time zone as UTC, the same on every machine', () => {
		expect(parseFeedDate('2025-04-17T14:05:00')).toBe(utc('2025-04-17T14:05:00Z'));
		expect(parseFeedDate('17 Apr 2025 14:05:00')).toBe(utc('2025-04-17T14:05:00Z'));
	});

	it('reads large numbers as epoch milliseconds and smaller ones as epoch seconds', () => {
		expect(parseFeedDate(1_744_898_700_000)).toBe(utc('2025-04-17T14:05:00Z'));
		expect(parseFeedDate(1_744_898_700)).toBe(utc('2025-04-17T14:05:00Z'));
	});

	it.each([
		['a word', 'yesterday'],
		['an empty string', ''],
		['an object', {}],
		['null', null],
		['NaN', Number.NaN],
		['infinity', Number.POSITIVE_INFINITY],
		['a day that does not exist', '2025-02-30'],
		['a month that does not exist', '2025-13-01'],
		['an unknown month name', '17 Foo 2025'],
		['an impossible zone offset', 'Thu, 17 Apr 2025 14:05:00 +2500'],
		['a date before 1970', '1969-12-31T23:59:59Z'],
		['a date after 2200', '2201-01-01T00:00:00Z'],
		['a negative number', -5],
		['1e300', 1e300],
		['1e300 written as text', '1e300'],
	])('gives null for %s', (_name, input) => {
		expect(parseFeedDate(input)).toBeNull();
	});

	it('accepts the last moment of 2200', () => {
		expect(parseFeedDate('2200-12-31T23:59:59Z')).toBe(utc('2200-12-31T23:59:59Z'));
	});

	it('reads back every ISO and RFC 1123 string that Date writes', () => {
		const moment = fc.integer({min: 0, max: utc('2200-12-31T23:59:59Z')});
		fc.assert(
			fc.property(moment, ms => {
				const date = new Date(ms);
				expect(parseFeedDate(date.toISOString())).toBe(ms);
				expect(parseFeedDate(date.toUTCString())).toBe(ms - date.getUTCMilliseconds());
			}),
			{seed: 1_713_362_700, numRuns: 300},
		);
	});

	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(fc.oneof(fc.anything(), fc.string({maxLength: 40}), fc.double()), input => {
				const result = parseFeedDate(input);
				expect(result === null || Number.isFinite(result)).toBe(true);
			}),
			{seed: 1_713_362_700, numRuns: 300},
		);
	});
});
