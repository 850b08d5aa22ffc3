import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatDateTime, formatRelativeTime, formatTimestamp, toIsoUtc} from '../../src/present/time-format.js';

const utc = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = utc('2025-04-17T12:00:00Z');

// A zone away from UTC shows that dates are local: 23:30 UTC on 16 March is 17 March in Berlin.
const originalZone = process.env.TZ;
beforeAll(() => {
	process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
	process.env.TZ = originalZone;
});

describe('formatRelativeTime', () => {
	it('gives nothing for an unknown time', () => {
		expect(formatRelativeTime(null, now)).toBe('');
	});

	it.each([
		['a few seconds ago', now - 20_000, 'just now'],
		['a few seconds in the future', now + 20_000, 'just now'],
		['minutes ago', now - 5 * MINUTE - 10_000, '5m ago'],
		['hours ago', now - 3 * HOUR - 5 * MINUTE, '3h ago'],
		['days ago', now - 2 * DAY - HOUR, '2d ago'],
		['almost a week ago', now - 7 * DAY + MINUTE, '6d ago'],
	])('says how long ago for %s', (_name, ms, expected) => {
		expect(formatRelativeTime(ms, now)).toBe(expected);
	});

	it('shows the month and day for older dates this year', () => {
		expect(formatRelativeTime(utc('2025-03-02T10:00:00Z'), now)).toBe('Mar 2');
	});

	it('adds the year for dates in another year', () => {
		expect(formatRelativeTime(utc('2024-04-16T10:00:00Z'), now)).toBe('Apr 16, 2024');
	});

	it('shows the date for times more than a minute in the future', () => {
		expect(formatRelativeTime(now + 2 * DAY, now)).toBe('Apr 19');
		expect(formatRelativeTime(utc('2026-01-05T10:00:00Z'), now)).toBe('Jan 5, 2026');
	});

	it('uses the local calendar day', () => {
		expect(formatRelativeTime(utc('2025-03-16T23:30:00Z'), now)).toBe('Mar 17');
	});
});

describe('formatDateTime', () => {
	it('shows weekday, date and local time', () => {
		expect(formatDateTime(utc('2025-04-17T12:05:00Z'))).toBe('Thu 17 Apr 2025, 14:05');
	});

	it('pads hours and minutes', () => {
		expect(formatDateTime(utc('2025-01-03T07:04:00Z'))).toBe('Fri 3 Jan 2025, 08:04');
	});

	it('gives nothing for an unknown time', () => {
		expect(formatDateTime(null)).toBe('');
		expect(formatDateTime(Number.NaN)).toBe('');
	});
});

describe('toIsoUtc', () => {
	it('writes ISO 8601 in UTC', () => {
		expect(toIsoUtc(utc('2025-04-17T12:05:00Z'))).toBe('2025-04-17T12:05:00.000Z');
	});

	it('gives null for an unknown or impossible time', () => {
		expect(toIsoUtc(null)).toBeNull();
		expect(toIsoUtc(Number.POSITIVE_INFINITY)).toBeNull();
		expect(toIsoUtc(9e15)).toBeNull();
	});
});

describe('times no calendar can show', () => {
	it.each([1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1])('shows nothing for %s', value => {
		expect([formatTimestamp(value), formatDateTime(value), formatRelativeTime(value, now), toIsoUtc(value)]).toEqual(['', '', '', null]);
	});

	it('never writes NaN, whatever the number', () => {
		fc.assert(
			fc.property(fc.double(), value => {
				for (const text of [formatTimestamp(value), formatDateTime(value), formatRelativeTime(value, now), toIsoUtc(value) ?? '']) {
					expect(text).not.toContain('NaN');
				}
			}),
			{seed: 13_002_025, numRuns: 500},
		);
	});
});
