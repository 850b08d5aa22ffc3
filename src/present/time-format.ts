// Dates for people, in the local time zone, with English names so the output does not depend
// on the machine's locale.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The largest distance from the epoch a JavaScript Date can hold.
const MAX_DATE_MS = 8.64e15;

function isTime(ms: number | null): ms is number {
	return typeof ms === 'number' && Math.abs(ms) <= MAX_DATE_MS;
}

function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/**
 * How long ago, briefly: "just now", "5m ago", "3h ago", "2d ago"; a week or more ago (or more
 * than a minute in the future) the date itself: "Apr 16" this year, "Apr 16, 2024" otherwise.
 */
export function formatRelativeTime(ms: number | null, now: number): string {
	if (!isTime(ms)) return '';
	const elapsed = now - ms;
	if (elapsed >= -MINUTE && elapsed < MINUTE) return 'just now';
	if (elapsed > 0 && elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m ago`;
	if (elapsed > 0 && elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h ago`;
	if (elapsed > 0 && elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)}d ago`;
	const date = new Date(ms);
	const monthDay = `${MONTHS[date.getMonth()]} ${date.getDate()}`;
	return isTime(now) && date.getFullYear() === new Date(now).getFullYear() ? monthDay : `${monthDay}, ${date.getFullYear()}`;
}

/** Full local date and time for the detail view, e.g. "Thu 17 Apr 2025, 14:05"; '' for null. */
export function formatDateTime(ms: number | null): string {
	if (!isTime(ms)) return '';
	const date = new Date(ms);
	const day = `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
	return `${day}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** Local date and time, sortable and unambiguous, for plain output: "2025-04-17 16:40"; '' for null. */
export function formatTimestamp(ms: number | null): string {
	if (!isTime(ms)) return '';
	const date = new Date(ms);
	return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())} ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** ISO 8601 in UTC (for --json), or null when there is no usable time. */
export function toIsoUtc(ms: number | null): string | null {
	return isTime(ms) ? new Date(ms).toISOString() : null;
}

/**
 * FLASHNEWS_NOW, whole seconds since the epoch (the format of SOURCE_DATE_EPOCH): the time the
 * reader's relative dates are measured from, for reproducible screenshots; undefined when unset or
 * not such a number. SOURCE_DATE_EPOCH itself is not read: build shells (Nix) export it, and a
 * reader started from one would stop its clock in 1980.
 */
export function fixedNowFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
	const value = (env.FLASHNEWS_NOW ?? '').trim();
	if (!/^\d{1,15}$/.test(value)) return undefined;
	const ms = Number(value) * 1000;
	return isTime(ms) ? ms : undefined;
}
