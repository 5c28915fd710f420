/**
 * Makes hidden characters in untrusted text visible. Tool descriptions are attacker-controlled:
 * zero-width, bidi and tag characters can hide instructions from a human reviewer while the model
 * still reads them, so every such character is shown as a visible ⟦U+XXXX⟧ token.
 */

/** A run of ordinary text, or one hidden character to be shown as a token. */
export type Segment = { kind: 'text'; text: string } | { kind: 'hidden'; code: string; label: string };

/** Names for the hidden characters most used in tool poisoning; others get a generic label. */
const NAMES: Record<number, string> = {
	0x00ad: 'soft hyphen',
	0x034f: 'combining grapheme joiner',
	0x061c: 'Arabic letter mark',
	0x180e: 'Mongolian vowel separator',
	0x200b: 'zero-width space',
	0x200c: 'zero-width non-joiner',
	0x200d: 'zero-width joiner',
	0x200e: 'left-to-right mark',
	0x200f: 'right-to-left mark',
	0x202a: 'left-to-right embedding',
	0x202b: 'right-to-left embedding',
	0x202c: 'pop directional formatting',
	0x202d: 'left-to-right override',
	0x202e: 'right-to-left override',
	0x2060: 'word joiner',
	0x2061: 'function application',
	0x2062: 'invisible times',
	0x2063: 'invisible separator',
	0x2064: 'invisible plus',
	0x2066: 'left-to-right isolate',
	0x2067: 'right-to-left isolate',
	0x2068: 'first strong isolate',
	0x2069: 'pop directional isolate',
	0xfeff: 'zero-width no-break space',
	0x001b: 'escape (ANSI sequence)',
};

/** True for characters that render as nothing (or reorder text) and so must be made visible. */
export function isHiddenCodePoint(cp: number): boolean {
	return (
		(cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
		(cp >= 0x7f && cp <= 0x9f) ||
		cp in NAMES ||
		(cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
		(cp >= 0xe0000 && cp <= 0xe007f) || // tag characters (invisible ASCII copies)
		(cp >= 0xe0100 && cp <= 0xe01ef) || // variation selectors supplement
		(cp >= 0xfff9 && cp <= 0xfffb) // interlinear annotation
	);
}

/** Formats a code point as U+XXXX. */
export function codePointLabel(cp: number): string {
	return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Splits text into ordinary runs and hidden characters, in order. */
export function revealHidden(text: string): Segment[] {
	const segments: Segment[] = [];
	let run = '';
	for (const ch of text) {
		const cp = ch.codePointAt(0) as number;
		if (!isHiddenCodePoint(cp)) {
			run += ch;
			continue;
		}
		if (run) segments.push({ kind: 'text', text: run });
		run = '';
		const tag = cp >= 0xe0020 && cp <= 0xe007e ? `tag character “${String.fromCodePoint(cp - 0xe0000)}”` : undefined;
		segments.push({
			kind: 'hidden',
			code: codePointLabel(cp),
			label: NAMES[cp] ?? tag ?? 'invisible or control character',
		});
	}
	if (run) segments.push({ kind: 'text', text: run });
	return segments;
}

/** Counts hidden characters in a text. */
export function countHidden(text: string): number {
	let n = 0;
	for (const ch of text) if (isHiddenCodePoint(ch.codePointAt(0) as number)) n++;
	return n;
}

/** Plain-text rendering with every hidden character replaced by ⟦U+XXXX⟧ (for titles, meta, JSON-LD). */
export function visibleText(text: string): string {
	return revealHidden(text)
		.map((s) => (s.kind === 'text' ? s.text : `⟦${s.code}⟧`))
		.join('');
}
