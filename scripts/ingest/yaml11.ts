/**
 * Catalogue files are open data: they must read the same in YAML 1.1 parsers (PyYAML's `safe_load`, many
 * others) as in our YAML 1.2 one. A plain scalar such as `yes`, `off`, `y`, `0b101`, `1:30`, `1_000`,
 * `2026-01-02` or `=` is a string in YAML 1.2 but a boolean, number, timestamp or the `value` tag in 1.1.
 * The writer quotes exactly those scalars (keys included), and the catalogue test checks every file.
 */
import { type Document, isScalar, parseDocument, type Scalar, visit } from 'yaml';

/**
 * Plain scalars YAML 1.1 gives a type the `yaml` package's 1.1 schema does not implement: `=` (the `value`
 * type, which PyYAML refuses to construct) and `<<` (the merge key).
 */
const UNMODELLED_11 = new Set(['=', '<<']);

/** What `text` reads as when written bare in a YAML document of `version`; undefined when it does not parse. */
function bareReading(text: string, version: '1.1' | '1.2'): unknown {
	const doc = parseDocument(text, { version });
	if (doc.errors.length > 0) return undefined;
	try {
		return doc.toJS();
	} catch {
		// An alias (`*name`) with no anchor parses without errors and throws only when resolved.
		return undefined;
	}
}

/** Answers of `readsDifferentlyIn11` by text: a catalogue holds ten times more scalars than distinct values. */
const answers = new Map<string, boolean>();

/** Whether `text`, written as a plain scalar, is a string in YAML 1.2 but reads differently in YAML 1.1. */
export function readsDifferentlyIn11(text: string): boolean {
	let answer = answers.get(text);
	if (answer === undefined) {
		// Text YAML 1.2 would not read back bare is quoted or written as a block by the writer already.
		answer =
			!text.includes('\n') &&
			bareReading(text, '1.2') === text &&
			(UNMODELLED_11.has(text) || bareReading(text, '1.1') !== text);
		answers.set(text, answer);
	}
	return answer;
}

/** Quotes (double quotes) every string scalar of `doc`, key or value, that YAML 1.1 would read differently. */
export function quoteForYaml11(doc: Document): void {
	visit(doc, {
		Scalar(_, node: Scalar) {
			if (typeof node.value === 'string' && (node.type === 'PLAIN' || node.type === undefined)) {
				if (readsDifferentlyIn11(node.value)) node.type = 'QUOTE_DOUBLE';
			}
		},
	});
}

/**
 * Where a YAML text reads differently in YAML 1.1: each plain scalar that 1.1 would not read as the same
 * string, as `line N: text`. Empty when the text is 1.1-safe.
 */
export function yaml11Hazards(text: string): string[] {
	const doc = parseDocument(text, { keepSourceTokens: true });
	const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
	const found: string[] = [];
	visit(doc, {
		Scalar(_, node) {
			if (node.type !== 'PLAIN' || !isScalar(node) || typeof node.value !== 'string') return;
			if (readsDifferentlyIn11(node.value)) found.push(`line ${lineOf(node.range?.[0] ?? 0)}: ${node.value}`);
		},
	});
	return found;
}
