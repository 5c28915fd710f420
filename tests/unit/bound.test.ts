import { describe, expect, it } from 'vitest';
import { boundText, segmentsWeight, sourceLength, splitSegments, TOKEN_WEIGHT } from '../../src/text/bound.ts';
import { revealHidden, type Segment } from '../../src/text/reveal.ts';

/** The server's text a segment list stands for. */
const source = (segments: readonly Segment[]) =>
	segments.map((s) => (s.kind === 'text' ? s.text : s.char.repeat(s.count))).join('');

describe('splitSegments', () => {
	it('keeps text within the limit whole', () => {
		const segments = revealHidden('short text');
		expect(splitSegments(segments, 100)).toEqual([segments, []]);
	});

	it('cuts unbroken text at the limit, and loses nothing', () => {
		const text = 'x'.repeat(10_000);
		const [head, rest] = splitSegments(revealHidden(text), 2_000);
		expect(source(head)).toHaveLength(2_000);
		expect(source(head) + source(rest)).toBe(text);
	});

	it('cuts at a space near the limit rather than inside a word', () => {
		const text = `${'word '.repeat(500)}`;
		const [head] = splitSegments(revealHidden(text), 1_002);
		expect(source(head).endsWith('word ')).toBe(true);
		expect(source(head).length).toBeLessThanOrEqual(1_002);
	});

	it('never splits a surrogate pair', () => {
		const text = `a${'😀'.repeat(10)}`;
		const [head, rest] = splitSegments(revealHidden(text), 4);
		expect(source(head)).toBe('a😀');
		expect(source(rest)).toBe('😀'.repeat(9));
	});

	it('never splits a token, and weighs a token as TOKEN_WEIGHT whatever its run', () => {
		const segments = revealHidden(`ab\u200B${'\u200C'.repeat(1_000)}cd`);
		expect(segmentsWeight(segments)).toBe(4 + 2 * TOKEN_WEIGHT);
		const [head, rest] = splitSegments(segments, 2 + TOKEN_WEIGHT + 1);
		expect(source(head)).toBe('ab\u200B');
		expect(rest[0]).toMatchObject({ kind: 'hidden', count: 1_000 });
	});
});

describe('boundText', () => {
	it('shows short text whole', () => {
		expect(boundText('Reads a note.', 4_000, 100_000)).toEqual({
			head: [{ kind: 'text', text: 'Reads a note.' }],
			more: [],
			moreLength: 0,
			omittedLength: 0,
		});
	});

	it('bounds a megabyte of unbroken text: a head, a further part, and a count of the rest', () => {
		const text = 'y'.repeat(1_000_000);
		const cut = boundText(text, 4_000, 100_000);
		expect(sourceLength(cut.head)).toBe(4_000);
		expect(cut.moreLength).toBe(100_000);
		expect(cut.omittedLength).toBe(896_000);
	});

	it('keeps 300,000 zero-width spaces as one token inside the bound', () => {
		const cut = boundText(`Reads.${'\u200B'.repeat(300_000)}`, 4_000);
		expect(cut.head).toHaveLength(2);
		expect(cut.omittedLength).toBe(0);
	});

	it('bounds text made of distinct hidden characters by their tokens, not their length', () => {
		// Tag characters spelling a message: one token each, so the bound counts tokens.
		const text = Array.from({ length: 10_000 }, (_, i) => String.fromCodePoint(0xe0041 + (i % 2))).join('');
		const cut = boundText(text, 4_800);
		expect(cut.head).toHaveLength(100);
		expect(cut.omittedLength).toBe(text.length - 200);
	});

	it('keeps nothing behind the head when no further room is given', () => {
		const cut = boundText('z'.repeat(50), 10);
		expect(cut.more).toEqual([]);
		expect(cut.omittedLength).toBe(40);
	});
});
