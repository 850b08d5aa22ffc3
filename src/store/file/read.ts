import {MAX_STATE_BYTES, readRegularFile, UnusableFileError} from '../regular-file.js';

/** The file as read, before it is decoded: missing, parsed JSON, text that is not JSON, or something that cannot be read as the state. */
export type FileContent =
	| {status: 'missing'}
	| {status: 'ok'; data: unknown}
	| {status: 'corrupt'; text: string}
	| {status: 'unusable'; problem: string};

/**
 * Reads and parses the state file: one read, one JSON.parse. Never throws for what sits at that
 * name (a FIFO, a link, a device, a file too large is `unusable`); other I/O errors are thrown.
 */
export function readStateFile(file: string): FileContent {
	let bytes: Buffer | undefined;
	try {
		bytes = readRegularFile(file, MAX_STATE_BYTES);
	} catch (error) {
		if (error instanceof UnusableFileError) return {status: 'unusable', problem: error.message};
		throw error;
	}

	if (bytes === undefined) return {status: 'missing'};
	const text = bytes.toString('utf8');
	try {
		return {status: 'ok', data: JSON.parse(text) as unknown};
	} catch {
		return {status: 'corrupt', text};
	}
}
