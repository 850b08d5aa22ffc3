/** The query the list is narrowed by ('' for none), and whether its matches are still being worked out. */
export type SearchState = {query: string; pending: boolean};

export const NO_SEARCH: SearchState = {query: '', pending: false};

/** Longer than any sensible query; a paste past it is cut. */
export const MAX_QUERY_LENGTH = 200;
