/**
 * Text a server sent (stderr, tool names, error messages) is untrusted: before it reaches a terminal, a log
 * or `results.tsv`, escape sequences and control characters are removed, so a server cannot move the cursor,
 * erase a line (a FAIL rewritten to look like "ok"), retitle the terminal, or split a TSV row.
 */

/** ESC sequences: CSI (`ESC [ … final`), OSC/DCS/SOS/PM/APC strings up to their terminator, and two-byte escapes. */
const ESCAPE_SEQUENCE =
	/\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|[ -/]*[0-~]?)|\x9b[0-?]*[ -/]*[@-~]?|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
/** C0 controls but tab and newline, DEL, C1 controls, and the Unicode marks that reorder text on display. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` without escape sequences and control characters; with `oneLine`, tabs and newlines become spaces
 * too (for outcome lines and TSV fields).
 */
export function printable(text: string, oneLine = false): string {
	const clean = text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
	return oneLine ? clean.replace(/[\t\n]+/g, ' ') : clean;
}
