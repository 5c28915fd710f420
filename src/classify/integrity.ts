/**
 * Integrity scan: signs of tool poisoning in any text of a definition (security-research.md §3.9).
 * The model reads every string a server sends — name, description, parameter names, descriptions,
 * enums and defaults — so every string is scanned, not only the description.
 *
 * Severity follows the research's "families must co-occur" advice: signals that are hostile on their
 * own (tag characters, bidi controls, control characters, instructions to ignore the user's
 * instructions, secrecy toward the user, conversation-harvesting parameters, shell payloads) are
 * high at once; the rest (zero-width characters, pseudo tags, coercive ordering, credential-file
 * mentions, "silently") are medium alone and become high when a definition shows two different signals.
 */
import type { Tool } from '../catalogue/schema.ts';
import { allMatches } from './regex.ts';
import type { IntegrityFinding, IntegritySeverity } from './types.ts';

/** Signal ids, in the order findings are reported for one field. */
export const INTEGRITY_SIGNALS = [
	'tag-characters',
	'bidi-control',
	'hidden-unicode',
	'control-characters',
	'pseudo-tag',
	'model-instruction',
	'coercive-instruction',
	'secrecy',
	'sensitive-path',
	'shell-payload',
	'harvesting-param',
] as const;
export type IntegritySignal = (typeof INTEGRITY_SIGNALS)[number];

interface TextField {
	readonly field: string;
	readonly text: string;
	/** The text is a property name (parameter-harvesting check applies). */
	readonly propertyName: boolean;
}

interface RawFinding {
	readonly signal: IntegritySignal;
	readonly field: string;
	readonly match: string;
	/** High on its own, whatever else the definition contains. */
	readonly alwaysHigh: boolean;
	readonly why: string;
}

const TAG_CHARS = /[\u{E0000}-\u{E007F}]+/gu;
const BIDI = /[\u202A-\u202E\u2066-\u2069]+/gu;
const ZERO_WIDTH = /[\u200B-\u200F\u2060-\u2064\uFEFF]/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
// C0 controls except tab, newline and carriage return; DEL and C1 controls; ESC included.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]+/gu;
// Escape sequences written out as text, which some clients decode before display.
const ANSI_LITERAL = /\\u001b\[|\\x1b\[|\\033\[|\\e\[/gi;
const PSEUDO_TAG = /<\s*\/?\s*(?:important|system|instructions?|secret|critical|urgent|admin|hidden|assistant|system[_ -]?prompt)\s*>/gi;
const PSEUDO_BRACKET = /\[\s*(?:SYSTEM|ADMIN|HIDDEN|INTERNAL|INSTRUCTIONS?)\b[^\]\n]{0,40}\]/g;
const OVERRIDE =
	/\b(?:ignore|disregard|forget|do not follow|don't follow)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+|of\s+)?(?:previous|prior|above|other|earlier|preceding|system)?\s*(?:instructions|rules|context|guidelines|prompts?|directions)\b|\byou are now\b|\bnew instructions\s*:|\bdeveloper mode\b/gi;
const COERCION =
	/\balways\s+(?:call|use|run|invoke)\s+this\s+tool\s+(?:first|before)\b|\b(?:before|prior to)\s+(?:using|calling|invoking|running)\s+(?:this|any|other|the)\s+tools?\b[^.\n]{0,80}?\b(?:read|pass|send|include|provide|upload|attach|cat|fetch)\b|\b(?:otherwise|or else|unless)\b[^.\n]{0,30}\bwill\s+not\s+work\b|\binstead\s+of\s+using\b|\boverride\s+the\s+behaviou?r\s+of\b|\bwhenever\s+you\s+(?:see|use|encounter)\b/gi;
const SECRECY_STRONG =
	/\b(?:do not|don't|never|must not)\s+(?:\w+\s+){0,2}?(?:tell|inform|mention|reveal|disclose)\b[^.\n]{0,60}?\b(?:user|human|anyone|them)\b|\buser\s+(?:should|must)\s+not\s+(?:see|know)\b|\bwithout\s+(?:the\s+)?user'?s?\s+(?:knowledge|knowing|noticing|consent)\b|\bhide\s+(?:this|it)\s+from\s+the\s+user\b|\bkeep\s+this\s+(?:secret|hidden|confidential)\b/gi;
// "Succeeds silently" is honest; "silently send…" or "secretly" anything is not.
const SECRECY_WEAK =
	/\b(?:secretly|covertly)\b|\bsilently\s+(?:\w+\s+){0,2}?(?:send|upload|collect|log|record|forward|share|copy|transmit|post|include|read|append|attach|call|run|execute|exfiltrate)s?\b|\b(?:send|upload|collect|forward|share|copy|transmit|post|include|append|attach)(?:s|es|ing)?\b[^.\n]{0,40}?\bsilently\b/gi;
const SENSITIVE_PATH =
	/~\/\.ssh\b|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\.aws\/credentials|~\/\.aws\b|\.kube\/config|(?:^|[\s/"'`(])\.env\b|\.netrc\b|\.pgpass\b|\.git-credentials|\.npmrc\b|\bmcp\.json\b|claude_desktop_config\.json|~\/\.cursor\b|\.cursor\/|~\/\.claude\b|\/etc\/(?:passwd|shadow)\b|\bwallet\.dat\b/gi;
/** The boundary character the `.env` alternative consumes, trimmed from the quoted match. */
const LEADING_DELIMITER = /^[\s"'`(]+/;
/** A verb that moves a file's content somewhere, making a credential-file mention an order. */
const EXFIL_VERB = /\b(?:read|send|pass|include|upload|copy|attach|provide|share|cat|extract|forward|post|leak|collect|append)\b/i;
const SENTENCE_END = /[.!?\n]/;
const SHELL_PAYLOAD = /\b(?:curl|wget)\s+[^|\n]*\|\s*(?:ba)?sh\b|\bbash\s+-i\b|\/dev\/tcp\/|\bnc\s+-e\b|\bpowershell\s+-enc\b|<script\b|\bjavascript:/gi;
const HARVEST_DESCRIPTION =
	/\b(?:entire|full|whole|complete)\s+(?:conversation|chat(?:\s+history)?|message history|context window)\b|\b(?:your|the)\s+system\s+prompt\b|\bchain[- ]of[- ]thought\b|\bprevious\s+(?:messages|instructions)\b/gi;
const NON_ALNUM = /[^a-z0-9]/g;
/** Parameter names that ask the model for its own context (research S-14), compared without separators. */
const HARVEST_NAMES = new Set([
	'systemprompt', 'conversation', 'conversationhistory', 'chathistory', 'previousmessages', 'fullconversation',
	'chainofthought', 'reasoningtrace', 'toolslist', 'toollist', 'availabletools', 'modelname', 'contextwindow',
]);
/** Harvesting-looking names are legitimate on tools that exist to handle chats. */
const CHAT_TOOL = /chat|conversation|message|summar|transcript|prompt/i;

const MAX_DEPTH = 16;
const CONTEXT_CHARS = 20;
const MAX_MATCH = 160;

/** Every string a model would read, with its field path, in a fixed order (sorted keys). */
function textFields(tool: Tool): TextField[] {
	const out: TextField[] = [];
	const push = (field: string, text: unknown, propertyName = false) => {
		if (typeof text === 'string' && text.length > 0) out.push({ field, text, propertyName });
	};
	push('name', tool.name);
	push('title', tool.title);
	push('description', tool.description);
	push('annotations.title', tool.annotations?.title);
	const seen = new Set<object>();
	const walk = (value: unknown, path: string, depth: number) => {
		if (depth > MAX_DEPTH) return;
		if (typeof value === 'string') return push(path, value);
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		if (Array.isArray(value)) {
			value.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1));
			return;
		}
		const obj = value as Record<string, unknown>;
		const isProperties = path.endsWith('.properties') || path === 'properties';
		for (const key of Object.keys(obj).sort()) {
			const childPath = `${path}.${key}`;
			if (isProperties) push(childPath, key, true);
			walk(obj[key], childPath, depth + 1);
		}
	};
	walk(tool.inputSchema, 'inputSchema', 0);
	walk(tool.outputSchema, 'outputSchema', 0);
	return out;
}

/** The hit with a little surrounding text, cut on code points so astral characters stay whole. */
function snippet(text: string, index: number, length: number): string {
	const before = Array.from(text.slice(0, index)).slice(-CONTEXT_CHARS).join('');
	const hit = text.slice(index, index + length);
	const after = Array.from(text.slice(index + length)).slice(0, CONTEXT_CHARS).join('');
	return before + hit + after;
}

function clip(text: string): string {
	const chars = Array.from(text);
	return chars.length > MAX_MATCH ? `${chars.slice(0, MAX_MATCH - 1).join('')}…` : text;
}

/** The sentence around `index`, for checking what a credential-file mention is asked to do. */
function sentenceAround(text: string, index: number): string {
	let start = index;
	while (start > 0 && !SENTENCE_END.test(text[start - 1] as string)) start--;
	let end = index;
	while (end < text.length && !SENTENCE_END.test(text[end] as string)) end++;
	return text.slice(start, end);
}

/** Zero-width characters, except a joiner between two emoji (👩‍💻 is not hiding anything). */
function zeroWidthHits(text: string): { index: number; char: string }[] {
	return allMatches(ZERO_WIDTH, text)
		.filter((m) => {
			if (m.text !== '\u200D') return true;
			const prev = Array.from(text.slice(0, m.index)).at(-1) ?? '';
			const next = Array.from(text.slice(m.index + 1))[0] ?? '';
			return !(PICTOGRAPH.test(prev) && PICTOGRAPH.test(next));
		})
		.map((m) => ({ index: m.index, char: m.text }));
}

function decodeTags(run: string): string {
	let out = '';
	for (const ch of run) {
		const cp = ch.codePointAt(0) as number;
		if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCodePoint(cp - 0xe0000);
	}
	return out.length > 60 ? `${out.slice(0, 59)}…` : out;
}

function scanField(f: TextField, chatTool: boolean, zeroWidthKinds: Set<string>): RawFinding[] {
	const out: RawFinding[] = [];
	const { field, text } = f;
	const add = (signal: IntegritySignal, match: string, alwaysHigh: boolean, why: string) => out.push({ signal, field, match: clip(match), alwaysHigh, why });
	const first = (re: RegExp) => allMatches(re, text)[0];

	const tags = first(TAG_CHARS);
	if (tags) add('tag-characters', snippet(text, tags.index, tags.text.length), true, `invisible Unicode tag characters spell out hidden text ("${decodeTags(tags.text)}") that people cannot see but the model reads`);
	const bidi = first(BIDI);
	if (bidi) add('bidi-control', snippet(text, bidi.index, bidi.text.length), true, 'bidirectional control characters reorder how the text is displayed, so people and the model read different things');
	const zw = zeroWidthHits(text);
	if (zw.length > 0) {
		for (const hit of zw) zeroWidthKinds.add(hit.char);
		const hit = zw[0] as { index: number; char: string };
		add('hidden-unicode', snippet(text, hit.index, hit.char.length), false, 'zero-width characters are invisible on screen and can hide or split words that filters look for');
	}
	const control = first(CONTROL) ?? first(ANSI_LITERAL);
	if (control) add('control-characters', snippet(text, control.index, control.text.length), true, 'terminal control or ANSI escape sequences can hide or rewrite text in a console');
	const tag = first(PSEUDO_TAG) ?? first(PSEUDO_BRACKET);
	if (tag) add('pseudo-tag', tag.text, false, 'a pseudo tag dresses the text up as a system instruction to the model');
	const override = first(OVERRIDE);
	if (override) add('model-instruction', override.text, true, 'it tells the model to set aside its instructions, which no honest tool needs to do');
	const coercion = first(COERCION);
	if (coercion) add('coercive-instruction', coercion.text, false, 'it orders the model around other tools or its own use, a common way to smuggle extra steps in');
	const secrecy = first(SECRECY_STRONG);
	if (secrecy) add('secrecy', secrecy.text, true, 'it asks the model to keep something from the user, which no honest tool needs to do');
	else {
		const weak = first(SECRECY_WEAK);
		if (weak) add('secrecy', weak.text, false, 'it says something happens silently or secretly, out of the user\'s sight');
	}
	const path = first(SENSITIVE_PATH);
	if (path) {
		const ordered = EXFIL_VERB.test(sentenceAround(text, path.index));
		add('sensitive-path', path.text.replace(LEADING_DELIMITER, ''), ordered, ordered ? 'it asks for the content of a credential or agent-configuration file' : 'it mentions a credential or agent-configuration file');
	}
	const shell = first(SHELL_PAYLOAD);
	if (shell) add('shell-payload', shell.text, true, 'it contains a shell or script payload');
	if (!chatTool) {
		const harvestName = f.propertyName && HARVEST_NAMES.has(text.toLowerCase().replace(NON_ALNUM, ''));
		const harvestText = !f.propertyName && field.startsWith('inputSchema.') ? first(HARVEST_DESCRIPTION) : undefined;
		if (harvestName) add('harvesting-param', text, true, 'a parameter asks the model to hand over its conversation, system prompt or reasoning');
		else if (harvestText) add('harvesting-param', harvestText.text, true, 'a parameter asks the model to hand over its conversation, system prompt or reasoning');
	}
	return out;
}

/**
 * Scans every text field of a definition. Findings are ordered by field (name, title, description,
 * annotation title, then schema strings by sorted path) and by signal, one per signal and field.
 */
export function scanIntegrity(tool: Tool): IntegrityFinding[] {
	const chatTool = CHAT_TOOL.test(tool.name);
	const zeroWidthKinds = new Set<string>();
	const raw = textFields(tool).flatMap((f) => scanField(f, chatTool, zeroWidthKinds));
	const signals = new Set(raw.map((r) => r.signal));
	// Two different signals in one definition, or three kinds of zero-width character, look deliberate.
	const combined = signals.size >= 2 || zeroWidthKinds.size >= 3;
	return raw.map((r): IntegrityFinding => {
		const severity: IntegritySeverity = r.alwaysHigh || combined ? 'high' : 'medium';
		const why = !r.alwaysHigh && combined ? `${r.why}; together with the other findings this looks deliberate` : r.why;
		return { signal: r.signal, field: r.field, match: r.match, severity, why };
	});
}
