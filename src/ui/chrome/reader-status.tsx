import type {LoaderSnapshot} from '../../load/loader.js';
import type {Theme} from '../../present/theme.js';
import {useSpinner} from '../hooks/use-spinner.js';
import {statusSegments} from '../reader/reader-chrome.js';
import {StatusLine} from './status-line.js';

type ReaderStatusProps = {
	/** The last key's message, if any. */
	message: string | null;
	loading: LoaderSnapshot;
	notices: readonly string[];
	width: number;
	theme: Theme;
};

/**
 * The status line of the reader: the last key's message, loading progress with a spinner, failed
 * feeds, warnings and notices. The spinner's frames are this component's own state, so a turn of
 * the spinner draws this line again and not the whole reader.
 */
export function ReaderStatus({message, loading, notices, width, theme}: ReaderStatusProps) {
	const spinner = useSpinner(loading.pending > 0);
	return <StatusLine segments={statusSegments(message, loading, notices, spinner)} width={width} theme={theme} />;
}
