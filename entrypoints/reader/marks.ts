// The user-timing mark the reader sets at the start of each slice of its own
// work (matching, highlighting). Its own page's timeline, nobody else's: the
// benchmark (tests/bench/reader.ts) finds each slice's task in a trace by it.
export const SLICE_MARK = "termlens-reader-slice";
