// Search matches are delimited by these two characters in snippets (article text has control
// characters stripped on intake and annotation fields refuse them); MarkedText turns them into
// <mark> elements, so no HTML is ever built from stored text.
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
