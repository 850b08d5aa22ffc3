import {isPlainObject} from '../state/json-checks.js';

/** The file as read, before it is decoded: missing, parsed JSON, or text that is not JSON. */
export type FileContent =
	| {status: 'missing'}
	| {status: 'ok'; data: unknown}
	| {status: 'corrupt'; text: string};

/**
 * conf's deserializer, made to never throw: a damaged file is reported to us (as `corrupt`) and conf
 * sees an empty object, so conf can neither crash the app nor clear the file on its own. It keeps
 * what it parsed for take(), because conf hands back only a shallow copy of objects and nothing at
 * all otherwise.
 */
export function createFileReader(): {parse(text: string): Record<string, unknown>; take(): FileContent} {
	let last: FileContent | undefined;
	return {
		parse(text) {
			try {
				last = {status: 'ok', data: JSON.parse(text) as unknown};
			} catch {
				last = {status: 'corrupt', text};
				return {};
			}

			return isPlainObject(last.data) ? last.data : {};
		},
		/** What the last read found (`missing` when conf found no file), once. */
		take() {
			const content = last ?? {status: 'missing'};
			last = undefined;
			return content;
		},
	};
}
