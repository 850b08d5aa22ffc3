// Feed dates in the forms feeds actually use: ISO 8601 (Atom, JSON Feed), RFC 822/1123 (RSS) with
// the usual mistakes, and epoch numbers. A date without a time zone is read as UTC, not as the
// local zone: the same feed then sorts and displays the same on every machine and in every test,
// and zone-less feed dates are rare and mostly meant as UTC anyway. Date.parse is not used: it
// reads zone-less strings as local time and accepts different things on different engines.

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2201, 0, 1) - 1;
// Numbers below this are epoch seconds (1e11 s is the year 5138; 1e11 ms is March 1973).
const SECONDS_LIMIT = 1e11;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// RFC 822 zones, and a few named zones feeds use although the RFC does not list them.
const ZONE_MINUTES: Record<string, number> = {
	z: 0,
	ut: 0,
	utc: 0,
	gmt: 0,
	wet: 0,
	est: -300,
	edt: -240,
	cst: -360,
	cdt: -300,
	mst: -420,
	mdt: -360,
	pst: -480,
	pdt: -420,
	akst: -540,
	akdt: -480,
	hst: -600,
	bst: 60,
	cet: 60,
	cest: 120,
	met: 60,
	mest: 120,
	west: 60,
	eet: 120,
	eest: 180,
	msk: 180,
	ist: 330,
	sgt: 480,
	hkt: 480,
	jst: 540,
	kst: 540,
	aest: 600,
	aedt: 660,
	nzst: 720,
	nzdt: 780,
};

const ZONE = String.raw`(z|[+-]\d{2}(?::?\d{2})?|(?:gmt|utc|ut)(?:[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{1,5})`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[t\s]+${TIME})?\s*${ZONE}?$`, 'i');
const ISO_COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?\s*${ZONE}?$`, 'i');
// "Thu, 17 Apr 2025 14:05:00 +0200"; weekday optional (and never checked), year may have two digits.
const RFC822 = new RegExp(
	String.raw`^(?:[a-z]+\.?(?:,\s*|\s+))?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})(?:,?\s+${TIME})?\s*${ZONE}?$`,
	'i',
);
// "April 17, 2025 2:05 PM EST" and JavaScript's "Thu Apr 17 2025 14:05:00 GMT+0200".
const MONTH_FIRST = new RegExp(
	String.raw`^(?:[a-z]+\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME}\s*(am|pm)?)?\s*${ZONE}?$`,
	'i',
);

type Fields = {year: number; month: number; day: number; hour: number; minute: number; second: number; fraction?: string; zone?: string};

function zoneOffsetMinutes(zone: string | undefined): number | null {
	if (!zone) return 0;
	const lower = zone.toLowerCase();
	const numeric = /^(?:gmt|utc|ut)?([+-])(\d{1,2}):?(\d{2})?$/.exec(lower);
	if (numeric) {
		const [, sign, hours = '0', minutes = '0'] = numeric;
		if (Number(hours) > 23 || Number(minutes) > 59) return null;
		return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
	}
	// An unknown zone name shifts the time by hours at most; dropping the date would lose more.
	return ZONE_MINUTES[lower] ?? 0;
}

/** 1-12 for an English month name or its abbreviation ("Apr", "Sept", "april"). */
function monthNumber(name: string): number | undefined {
	const lower = name.toLowerCase();
	const index = MONTHS.findIndex(month => month.startsWith(lower) && lower.length >= 3);
	return index === -1 ? undefined : index + 1;
}

function toEpoch(fields: Fields): number | null {
	const {year, month, day, minute, fraction} = fields;
	let {hour, second} = fields;
	if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 60 || hour > 24) return null;
	if (hour === 24 && (minute > 0 || second > 0)) return null;
	if (second === 60) second = 59; // a leap second
	const offset = zoneOffsetMinutes(fields.zone);
	if (offset === null) return null;
	const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
	const date = new Date(Date.UTC(year, month - 1, day, 0, 0, 0, 0));
	date.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
	if (date.getUTCMonth() !== month - 1) return null; // 31 April, 30 February
	if (hour === 24) {
		hour = 0;
		date.setUTCDate(day + 1);
	}
	const ms = date.getTime() + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
	return ms >= MIN_MS && ms <= MAX_MS ? ms : null;
}

function fourDigitYear(year: string): number {
	const value = Number(year);
	// RFC 2822: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add 1900.
	if (year.length === 2) return value < 50 ? 2000 + value : 1900 + value;
	if (year.length === 3) return 1900 + value;
	return value;
}

function fromNumber(value: number): number | null {
	if (!Number.isFinite(value)) return null;
	const ms = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
	return ms >= MIN_MS && ms <= MAX_MS ? Math.round(ms) : null;
}

function fromString(input: string): number | null {
	// Comments like "(CEST)" after the zone, and runs of spaces, carry nothing.
	const text = input
		.replace(/\([^()]*\)/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (text === '') return null;
	if (/^\d{9,13}$/.test(text)) return fromNumber(Number(text));

	let match = ISO.exec(text) ?? ISO_COMPACT.exec(text);
	if (match) {
		const [, year = '', month = '', day = '', hour = '0', minute = '0', second = '0', fraction, zone] = match;
		return toEpoch({
			year: Number(year),
			month: Number(month),
			day: Number(day),
			hour: Number(hour),
			minute: Number(minute),
			second: Number(second),
			fraction,
			zone,
		});
	}

	match = RFC822.exec(text);
	if (match) {
		const [, day = '', monthName = '', year = '', hour = '0', minute = '0', second = '0', fraction, zone] = match;
		const month = monthNumber(monthName);
		if (month === undefined) return null;
		return toEpoch({
			year: fourDigitYear(year),
			month,
			day: Number(day),
			hour: Number(hour),
			minute: Number(minute),
			second: Number(second),
			fraction,
			zone,
		});
	}

	match = MONTH_FIRST.exec(text);
	if (match) {
		const [, monthName = '', day = '', year = '', hourText = '0', minute = '0', second = '0', fraction, meridiem, zone] = match;
		const month = monthNumber(monthName);
		if (month === undefined) return null;
		let hour = Number(hourText);
		if (meridiem) {
			if (hour < 1 || hour > 12) return null;
			hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
		}
		return toEpoch({year: Number(year), month, day: Number(day), hour, minute: Number(minute), second: Number(second), fraction, zone});
	}
	return null;
}

/**
 * Epoch milliseconds for a date as a feed writes it, or null when it is not a usable date
 * (garbage, or outside the years 1970-2200). Numbers are epoch milliseconds, or epoch seconds
 * when below 1e11. Never throws.
 */
export function parseFeedDate(value: unknown): number | null {
	try {
		if (typeof value === 'number') return fromNumber(value);
		if (typeof value === 'string' && value.length <= 200) return fromString(value);
		return null;
	} catch {
		return null;
	}
}
