/**
 * Checks a catalogue file must pass before and after YAML parsing, so that a malformed file fails with
 * a message naming what is wrong and where, instead of a stack trace or, worse, a silent acceptance:
 * the bytes must be UTF-8 text without raw control characters, and the parsed data must be a tree
 * (no alias cycle), without merge keys, and not absurdly deep.
 */
import { codePointLabel } from '../text/reveal.ts';

/** Deepest nesting of parsed data accepted; real definitions stay far below it. */
export const MAX_DEPTH = 200;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Raw characters YAML does not allow in a stream (C0 controls but tab and line breaks, DEL, C1 controls
 * but NEL): an escape in a double-quoted string is the way to write one.
 */
const RAW_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x80-\x84\x86-\x9F]/;

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i] as number;
		if (b < 0x80) {
			i++;
			continue;
		}
		// Lead byte ranges and the allowed range of the second byte (excludes overlongs and surrogates).
		const [len, lo, hi] =
			b >= 0xc2 && b <= 0xdf
				? [2, 0x80, 0xbf]
				: b === 0xe0
					? [3, 0xa0, 0xbf]
					: b === 0xed
						? [3, 0x80, 0x9f]
						: b >= 0xe1 && b <= 0xef
							? [3, 0x80, 0xbf]
							: b === 0xf0
								? [4, 0x90, 0xbf]
								: b >= 0xf1 && b <= 0xf3
									? [4, 0x80, 0xbf]
									: b === 0xf4
										? [4, 0x80, 0x8f]
										: [0, 0, 0];
		if (len === 0 || i + len > n) return i;
		const second = bytes[i + 1] as number;
		if (second < lo || second > hi) return i;
		for (let k = 2; k < len; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
		i += len;
	}
	return -1;
}

/** Line and column (1-based) of a string index. */
function lineColumn(text: string, index: number): string {
	const before = text.slice(0, index);
	const line = before.split('\n').length;
	return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
}

/** The text of a catalogue file's bytes, or why they are not acceptable catalogue text. */
export function decodeCatalogueText(bytes: Uint8Array): { text: string } | { message: string } {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return { message: 'is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8' };
	let text: string;
	try {
		text = UTF8.decode(bytes);
	} catch {
		const at = firstInvalidUtf8(bytes);
		return {
			message: `is not valid UTF-8: byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at} does not start a UTF-8 character`,
		};
	}
	const control = RAW_CONTROL.exec(text);
	if (control) {
		const cp = control[0].codePointAt(0) as number;
		const offset = Buffer.byteLength(text.slice(0, control.index), 'utf8');
		const hint = cp === 0 ? ' (a UTF-16 file without byte order mark looks like this)' : '';
		return {
			message: `holds a raw control character ${codePointLabel(cp)} at ${lineColumn(text, control.index)} (byte offset ${offset})${hint}; write it as an escape in a double-quoted string`,
		};
	}
	return { text };
}

/** A problem in parsed data, located by its path. */
export interface StructureProblem {
	path: (string | number)[];
	message: string;
}

/**
 * Problems of parsed data that no schema check sees: an alias cycle (an object that contains itself,
 * which would send every walker round for ever), a YAML merge key (`<<`, which YAML 1.2 does not merge,
 * so the keys the author meant to share would silently be one odd key), and nesting beyond MAX_DEPTH.
 * Stops at the first problem of each kind along a branch.
 */
export function structureProblems(data: unknown): StructureProblem[] {
	const problems: StructureProblem[] = [];
	const ancestors = new Set<object>();
	const path: (string | number)[] = [];
	const visit = (value: unknown): void => {
		if (typeof value !== 'object' || value === null) return;
		if (ancestors.has(value)) {
			problems.push({
				path: [...path],
				message: 'alias cycle: this node contains itself (an anchor used inside itself)',
			});
			return;
		}
		if (path.length >= MAX_DEPTH) {
			problems.push({ path: [...path], message: `nested deeper than ${MAX_DEPTH} levels` });
			return;
		}
		ancestors.add(value);
		const entries: [string | number, unknown][] = Array.isArray(value)
			? value.map((v, i) => [i, v])
			: Object.entries(value as Record<string, unknown>);
		for (const [key, child] of entries) {
			path.push(key);
			if (key === '<<')
				problems.push({ path: [...path], message: 'merge key (<<) is not supported: write the keys out' });
			else visit(child);
			path.pop();
		}
		ancestors.delete(value);
	};
	visit(data);
	return problems;
}
