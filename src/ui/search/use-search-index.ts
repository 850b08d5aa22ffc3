import {useEffect, useState} from 'react';
import {createSearchIndex, type SearchIndex} from './search-index.js';

/** The reader's search index, alive as long as the reader; `onReady` runs when a pending search can be answered. */
export function useSearchIndex(onReady: () => void): SearchIndex {
	const [index] = useState(() => createSearchIndex());
	useEffect(() => index.subscribe(onReady), [index, onReady]);
	useEffect(() => () => index.dispose(), [index]);
	return index;
}
