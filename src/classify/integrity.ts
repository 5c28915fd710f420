/**
 * Integrity scan: signs of tool poisoning in any text of a definition (security-research.md §3.9).
 * The model reads every string a server sends — name, description, parameter names, descriptions,
 * enums and defaults — so every string is scanned, not only the description.
 *
 * Severity follows the research's "families must co-occur" advice: signals that are hostile on their
 * own (tag characters, bidi controls, control characters, instructions to ignore the user's
 * instructions, secrecy toward the user, conversation harvesting by a parameter or by an order to
 * hand the conversation over, shell payloads) are high at once; the rest (zero-width characters,
 * pseudo tags, coercive ordering, credential-file mentions, "silently", references to other servers'
 * tools) are medium alone and become high when a definition shows two different signals.
 *
 * Cost: the definition's strings are joined once and searched once for every pattern's trigger words
 * (`TEXT_PATTERNS`); a pattern runs only where its words occur, and fields are scanned one by one only
 * when some pattern matched, which clean definitions never do.
 */
import type { Tool } from '../catalogue/schema.ts';
import { leadSentence } from './description.ts';
import { GENERIC_SLUG_PARTS } from './lexicon.ts';
import { allMatches, allMatchGroups, firstMatch, type Match } from './regex.ts';
import type { IntegrityFinding, IntegritySeverity, ServerRef } from './types.ts';

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
	'cross-server',
] as const;
export type IntegritySignal = (typeof INTEGRITY_SIGNALS)[number];

interface TextField {
	readonly field: string;
	readonly text: string;
	/** The text is a property name (parameter-harvesting check applies). */
	readonly propertyName: boolean;
	/**
	 * The schema the text belongs to: for a property name its property's schema, for any other schema
	 * string the object holding it (an enum value's or a description's parameter).
	 */
	readonly schema?: unknown;
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
/** Any character the hidden-character and control checks look for, tested once per field. */
const ANY_HIDDEN =
	/[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060-\u2064\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]+/gu;
const ZERO_WIDTH = /[\u200B-\u200F\u2060-\u2064\uFEFF]/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
// C0 controls except tab, newline and carriage return; DEL and C1 controls; ESC included.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]+/gu;
// Escape sequences written out as text, which some clients decode before display.
const ANSI_LITERAL = /\\u001b\[|\\x1b\[|\\033\[|\\e\[/gi;
const PSEUDO_TAG =
	/<\s*\/?\s*(?:important|system|instructions?|secret|critical|urgent|admin|hidden|assistant|system[_ -]?prompt)\s*>/gi;
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
const EXFIL_VERB =
	/\b(?:read|send|pass|include|upload|copy|attach|provide|share|cat|extract|forward|post|leak|collect|append)\b/i;
const SENTENCE_END = /[.!?\n]/;
/**
 * Code that runs once fetched or rendered: download-and-execute (`curl … | sh`), reverse shells, a
 * script tag that carries attributes (`src=`, `type=module`) or code (`<script>fetch(…)`, with or
 * without a closing tag), and a `javascript:` URL that calls or assigns something. Naming the tag is
 * not a payload: honest tools say "<script> tags are stripped" or "<script> and all on* handlers are
 * removed", and "javascript:/vbscript: URLs are removed" or "javascript: the code to run" call nothing.
 */
const SHELL_PAYLOAD =
	/\b(?:curl|wget)\s+[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z)?sh\b|\bbash\s+-i\b|\/dev\/tcp\/|\bnc\s+-e\b|\bpowershell\s+-enc\b|<script(?:\s+[a-z-]+\s*(?:=|>|\s)|\s*>\s*(?!(?:tags?|elements?|blocks?)\b)(?:[\w$.]+\s*[(=`[]|(?:var|let|const|function|import|for|if|while|new|await|async|return|eval|document|window|location|fetch)\b))|\bjavascript:\s*[\w$.]+\s*[(=`[]/gi;
/**
 * What a parameter's own description names as its content: the conversation, a system prompt, the
 * reasoning. Only read where the parameter can carry that text (not a boolean, number or enum).
 */
const HARVEST_DESCRIPTION =
	/\b(?:entire|full|whole|complete)\s+(?:conversation|chat(?:\s+history)?|message history|context window)\b|\b(?:your|the)\s+system\s+prompt\b|\bchain[- ]of[- ]thought\b|\bprevious\s+(?:messages|instructions)\b/gi;
/**
 * An order to hand the conversation over, in any text (the tool's description too): a handing-over
 * verb, then within the sentence what the user said, the prior messages, the conversation so far, the
 * caller's own system prompt or reasoning. Describing a conversation ("returns the full conversation")
 * is no order; "provide the system prompt for the agent" defines another model's prompt, so only
 * "your system prompt" counts here, and "your conversation title" or "your model name" ask for no
 * content. "Enter" is left out ("the page should not enter your context window"), and so is a verb
 * after "not", "never" or "don't", alone or in "never paste or include…": that is a warning, not an order.
 */
/** Words between "your" and what it owns: "your own full system prompt". */
const YOUR_QUALIFIERS = '(?:(?:own|full|entire|complete|whole|current|original|initial|hidden)\\s+)*';
/** What the caller holds that no tool has a use for: its instructions and its reasoning. */
const CALLER_SECRETS = 'system\\s+(?:prompt|instructions|message)|reasoning|chain[- ]of[- ]thought';
const HARVEST_REQUEST = new RegExp(
	`(?<!\\b(?:not|never|nor|without|(?:do|does|did|must|should|could|would|will|ca|wo)n['’]t)\\s+(?:\\w+\\s+or\\s+)?)\\b(?:paste|include|pass|provide|send|copy|supply|give|attach|append|insert|put|submit|dump|forward|share|repeat|print|reveal|fill\\s+in|add|quote)\\b[^.\\n]{0,60}?(?:${[
		'\\beverything\\s+(?:that\\s+)?(?:the\\s+user|you|they|we)\\s+(?:has\\s+|have\\s+)?(?:said|wrote|written|typed|asked|sent|shared|discussed)\\b',
		'\\b(?:all|every|each)\\s+(?:of\\s+)?(?:the\\s+|your\\s+|our\\s+)?(?:prior|previous|earlier|preceding|past)\\s+(?:user\\s+)?(?:messages|turns|prompts|exchanges|instructions)\\b',
		'\\b(?:previous|prior|earlier)\\s+messages\\s+(?:in|of|from)\\s+(?:this|the|our)\\s+(?:conversation|chat|session)\\b',
		'\\b(?:the|this|our|your)\\s+(?:current\\s+|whole\\s+|entire\\s+|full\\s+)?(?:conversation|chat|dialog(?:ue)?|session|thread|exchange)(?:\\s+(?:history|log))?\\s+(?:so\\s+far|thus\\s+far|verbatim)\\b',
		'\\b(?:entire|full|whole|complete)\\s+(?:text\\s+of\\s+(?:the\\s+)?)?(?:conversation|chat\\s+(?:history|log)|dialog(?:ue)?|message\\s+history|context\\s+window)\\b',
		`\\byour\\s+${YOUR_QUALIFIERS}(?:${CALLER_SECRETS}|context\\s+window|(?:conversation|chat)\\s+history)\\b`,
		"\\bthe\\s+user['’]?s\\s+(?:previous|prior|earlier|past|recent)\\s+(?:messages|prompts|requests|questions)\\b",
	].join('|')})`,
	'gi',
);
const NON_ALNUM = /[^a-z0-9]/g;
/**
 * References to another server's tools (research S-12, tool shadowing): a Claude-style qualified name
 * (`mcp__gmail__send_email`), tools "from/of/provided by" a named or other server, or a tool of a
 * well-known service. The server word is checked against the tool's own server afterwards.
 */
const QUALIFIED_TOOL = /\bmcp__([a-z0-9][\w-]*?)__\w+/gi;
const SERVER_TOOLS =
	/\btools?\b[^.\n]{0,30}?\b(?:from|of|in|on|provided by|exposed by|belonging to)\s+(?:the\s+|an?\s+|any\s+|all\s+)?((?:another|other|different|[\w-]+)(?:\s+[\w-]+)?)\s+(?:mcp\s+)?servers?\b|\b((?:another|other|different|[\w-]+))\s+(?:mcp\s+)?server's\s+(?:[\w-]+\s+)?tools?\b/gi;
/**
 * A tool named by its identifier rather than the word "tool", taken from a named server: "call
 * send_email from the gmail server", "invoke sendEmail on the Gmail MCP server". The name must look like
 * a tool (snake_case, backticked, or after call/invoke), so "reads e-mail from the Gmail server" is not
 * one; a bare identifier needs "from" or "provided by", since "the default_dir of a server" names a setting.
 */
const TOOL_FROM_SERVER =
	/(?:\b(?:call|invoke)\s+(?:the\s+)?[`'"]?[\w.-]+[`'"]?\s+(?:tool\s+|function\s+)?(?:from|of|on|in|provided by|exposed by|belonging to)|(?:`[^`\n]{1,60}`|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b)\s+(?:tool\s+|function\s+)?(?:from|provided by|exposed by|belonging to))\s+(?:the\s+|an?\s+|any\s+|all\s+)?((?:another|other|different|[\w-]+)(?:\s+[\w-]+)?)\s+(?:mcp\s+)?servers?\b/gi;
const SERVICE_TOOL =
	/\b(whatsapp|gmail|slack|github|gitlab|jira|notion|discord|telegram|outlook|dropbox|stripe|salesforce|linear|figma|twilio|sendgrid|postmark)(?:'s)?\s+(?:mcp\s+)?(?:tool|server'?s?\s+[\w-]+\s+tool)\b/gi;
/** Words that make a "… server" reference the tool's own server, or no particular server. */
const OWN_SERVER_WORDS = [
	'this',
	'same',
	'current',
	'our',
	'its',
	'your',
	'remote',
	'local',
	'connected',
	'upstream',
	'target',
	'running',
];
const WORD_SPLIT = /[^a-z0-9]+/;
/**
 * Parameter names that ask the model for its own context (research S-14), compared without separators.
 * No `model_name`: a model's name is not the conversation, and catalogues of models (Replicate, LLM
 * statistics) take one as their object.
 */
const HARVEST_NAMES = new Set([
	'systemprompt',
	'conversation',
	'conversationhistory',
	'chathistory',
	'previousmessages',
	'fullconversation',
	'chainofthought',
	'reasoningtrace',
	'toolslist',
	'toollist',
	'availabletools',
	'contextwindow',
]);
/** Harvesting names that may instead define the prompt of another model (`definesAnotherPrompt`). */
const SYSTEM_PROMPT_NAMES = new Set(['systemprompt']);
/** A model other than the caller, which a system prompt can be given to. */
const RECIPIENT =
	'(?:sub-?)?agents?|assistants?|personas?|(?:chat)?bots?|llms?|ais?|models?|workers?|members?|experts?|reviewers?';
/**
 * The parameter's own description gives the prompt to someone: "System prompt for the agent", "the
 * model's system prompt", "given to each council member". A recipient word alone ("… for your AI
 * assistant") is not enough.
 */
const PROMPT_RECIPIENT = new RegExp(
	`\\b(?:for|to|of)\\s+(?:the|a|an|each|every|this|that|new|its)\\s+(?:new\\s+|\\w+\\s+)?(?:${RECIPIENT})\\b|\\b(?:${RECIPIENT})['’]s?\\s+(?:own\\s+)?system\\s+prompt\\b`,
	'i',
);
/**
 * The tool makes, configures or asks the model the prompt is for: its name or lead opens with such a
 * verb and names the recipient right after it (`create_agent`, `createAgentDefinition`, "Creates a
 * sub-agent…", "Ask a council of models…"). Only articles and one describing word may come between:
 * "Adds numbers for your AI assistant" names no recipient of the prompt.
 */
const MAKES_RECIPIENT = new RegExp(
	`^\\s*(?:create|creates|add|adds|new|define|defines|register|registers|configure|configures|update|updates|spawn|spawns|set\\s+up|sets\\s+up|build|builds|make|makes|ask|asks|convene|convenes|run|runs)\\s+(?:(?:an?|the|one|or|more|several|multiple|new|custom)\\s+){0,3}(?:(?!(?:for|to|your|my|our|their|with|of|on|in|by|from|using)\\b)\\w+\\s+(?:of\\s+(?:the\\s+)?)?)?(?:${RECIPIENT})\\b`,
	'im',
);
/** The description speaks of the caller's own prompt or conversation, so it defines nothing. */
const CALLER_OWN =
	/\byour(?:s|self)?\b|\byou(?:'re|\s+are|\s+were|\s+have\s+been|\s+received|\s+follow)\b|\bso\s+far\b|\bthis\s+(?:conversation|chat|session)\b/i;
/** Where the system prompt noun sits in a `HARVEST_DESCRIPTION` match, for the same exemption. */
const THE_SYSTEM_PROMPT = /^the\s+system\s+prompt$/i;
/** Types that cannot carry a conversation's text. */
const NON_TEXT_TYPES = new Set(['boolean', 'number', 'integer', 'null']);
const WHITESPACE = /\s/;
/** An identifier's word boundaries (`ignore_previous`, `ignorePrevious`), turned into spaces. */
const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
/** `ALLPrevious`: a run of capitals before a capitalised word. */
const CAPS_BOUNDARY = /([A-Z]+)([A-Z][a-z])/g;
const IDENT_SEPARATORS = /[_\-.]+/g;
const IDENT_GLUE = /[_\-.]|[a-z0-9][A-Z]/;
/** The shortest `OVERRIDE` match ("you are now"); shorter identifiers need no spacing. */
const MIN_OVERRIDE = 11;
/**
 * A word every `OVERRIDE` match holds, as it appears glued into an identifier. Spacing every long
 * property name would cost more than the rest of the scan, so only names holding one are spaced.
 */
const OVERRIDE_GLUED = /ignore|disregard|forget|follow|you_?-?are|instructions|developer/i;
const MIN_HARVEST_NAME = Math.min(...[...HARVEST_NAMES].map((n) => n.length));
/** Harvesting-looking names are legitimate on tools that exist to handle chats. */
const CHAT_TOOL = /chat|conversation|message|summar|transcript|prompt/i;

const CROSS_PATTERNS = [QUALIFIED_TOOL, SERVER_TOOLS, TOOL_FROM_SERVER, SERVICE_TOOL];
/**
 * A pattern and what every match of it contains: one of `words` (whole words) or of `chars` (any
 * text), and then also one of `andWords` when given.
 */
interface Prefilter {
	readonly re: RegExp;
	readonly words?: readonly string[];
	readonly chars?: readonly string[];
	readonly andWords?: readonly string[];
}

/**
 * The patterns `presentPatterns` looks for in the joined text. The word and character checks settle
 * most definitions without running the regex at all; they only ever let too much through.
 */
const TEXT_PATTERNS: readonly Prefilter[] = [
	{ re: ANSI_LITERAL, chars: ['\\'] },
	{ re: PSEUDO_TAG, chars: ['<'] },
	{ re: PSEUDO_BRACKET, chars: ['['] },
	{
		re: OVERRIDE,
		words: ['ignore', 'disregard', 'forget', 'follow'],
		chars: ['you are now', 'new instructions', 'developer mode'],
	},
	// One prefilter per alternative of the pattern, where the alternatives need different words.
	{ re: COERCION, words: ['always', 'before', 'prior'], andWords: ['tool', 'tools'] },
	{ re: COERCION, words: ['otherwise', 'else', 'unless'], andWords: ['work'] },
	{ re: COERCION, words: ['instead'], andWords: ['using'] },
	{ re: COERCION, words: ['override'], andWords: ['behavior', 'behaviour'] },
	{ re: COERCION, words: ['whenever'] },
	{
		re: SECRECY_STRONG,
		words: ['tell', 'inform', 'mention', 'reveal', 'disclose', 'should', 'must', 'without', 'hide'],
		andWords: ['user', 'users', 'human', 'anyone', 'them'],
	},
	{ re: SECRECY_STRONG, words: ['keep'] },
	{ re: SECRECY_WEAK, words: ['secretly', 'covertly', 'silently'] },
	{
		re: SENSITIVE_PATH,
		words: [
			'ssh',
			'id_rsa',
			'id_dsa',
			'id_ecdsa',
			'id_ed25519',
			'aws',
			'kube',
			'env',
			'netrc',
			'pgpass',
			'credentials',
			'npmrc',
			'mcp',
			'claude_desktop_config',
			'cursor',
			'claude',
			'etc',
			'wallet',
		],
	},
	{ re: SHELL_PAYLOAD, words: ['curl', 'wget', 'bash', 'tcp', 'nc', 'powershell'], chars: ['<script', 'javascript:'] },
	{
		re: HARVEST_DESCRIPTION,
		words: ['entire', 'full', 'whole', 'complete'],
		andWords: ['conversation', 'chat', 'message', 'context'],
	},
	{ re: HARVEST_DESCRIPTION, words: ['prompt'], andWords: ['system'] },
	{ re: HARVEST_DESCRIPTION, words: ['thought'], andWords: ['chain'] },
	{ re: HARVEST_DESCRIPTION, words: ['previous'], andWords: ['messages', 'instructions'] },
	// One per kind of object: the handing-over verbs are too common to trigger on, the object words less so.
	{
		re: HARVEST_REQUEST,
		words: ['everything'],
		andWords: ['said', 'wrote', 'written', 'typed', 'asked', 'sent', 'shared', 'discussed'],
	},
	{
		re: HARVEST_REQUEST,
		words: ['prior', 'previous', 'earlier', 'preceding', 'past', 'recent'],
		andWords: ['messages', 'turns', 'prompts', 'exchanges', 'instructions', 'requests', 'questions'],
	},
	{ re: HARVEST_REQUEST, words: ['far', 'verbatim'] },
	{
		re: HARVEST_REQUEST,
		words: ['entire', 'full', 'whole', 'complete'],
		andWords: ['conversation', 'chat', 'dialog', 'message', 'context'],
	},
	{ re: HARVEST_REQUEST, words: ['your'], andWords: ['system', 'context', 'reasoning', 'chain', 'history'] },
	{ re: QUALIFIED_TOOL, chars: ['mcp__'] },
	{ re: SERVER_TOOLS, words: ['server', 'servers'], andWords: ['tool', 'tools'] },
	{ re: TOOL_FROM_SERVER, words: ['server', 'servers'], andWords: ['_', '`', 'call', 'invoke'] },
	{
		re: SERVICE_TOOL,
		words: [
			'whatsapp',
			'gmail',
			'slack',
			'github',
			'gitlab',
			'jira',
			'notion',
			'discord',
			'telegram',
			'outlook',
			'dropbox',
			'stripe',
			'salesforce',
			'linear',
			'figma',
			'twilio',
			'sendgrid',
			'postmark',
		],
		andWords: ['tool'],
	},
];
/** Single characters are looked up in the text as written ('<', '['); longer strings in the lowercased text. */
const isSingle = (c: string) => c.length === 1;
/**
 * Every prefilter word (lowercase), found in one pass over lowercased text. Words are `\w` runs, so
 * `id_rsa` is one word and `.env` gives `env`. Character strings ("you are now", "mcp__") are looked up
 * with `includes`, which is far cheaper than adding them to this alternation: a pattern that does not
 * start at a word boundary makes the regex try every alternative at every position. `andWords` are
 * common (tool, user), so they are checked afterwards, and only for patterns whose own words were found.
 */
const TRIGGERS = new RegExp(`\\b(?:${[...new Set(TEXT_PATTERNS.flatMap((p) => p.words ?? []))].join('|')})\\b`, 'g');
/**
 * Joins fields for `presentPatterns`: a line break stops `[^.\n]` runs and a backtick stops `\s+` and
 * `\w` ones. It is ASCII, so ASCII text stays a one-byte string, which regexes scan faster.
 */
const FIELD_SEPARATOR = '\n`\n';

const MAX_DEPTH = 16;
const CONTEXT_CHARS = 20;
const MAX_MATCH = 160;

/** Every string a model would read, with its field path, in a fixed order (sorted keys). */
function textFields(tool: Tool): TextField[] {
	const out: TextField[] = [];
	const push = (field: string, text: unknown, propertyName = false, schema?: unknown) => {
		if (typeof text === 'string' && text.length > 0) out.push({ field, text, propertyName, schema });
	};
	push('name', tool.name);
	push('title', tool.title);
	push('description', tool.description);
	push('annotations.title', tool.annotations?.title);
	const seen = new Set<object>();
	// `holder` is the nearest object above `value`; array elements share their array's holder.
	const walk = (value: unknown, path: string, depth: number, holder: unknown) => {
		if (depth > MAX_DEPTH) return;
		if (typeof value === 'string') return push(path, value, false, holder);
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) walk(value[i], `${path}[${i}]`, depth + 1, holder);
			return;
		}
		const obj = value as Record<string, unknown>;
		const isProperties = path.endsWith('.properties') || path === 'properties';
		for (const key of Object.keys(obj).sort()) {
			const childPath = `${path}.${key}`;
			if (isProperties) push(childPath, key, true, obj[key]);
			walk(obj[key], childPath, depth + 1, obj);
		}
	};
	walk(tool.inputSchema, 'inputSchema', 0, undefined);
	walk(tool.outputSchema, 'outputSchema', 0, undefined);
	return out;
}

/** The hit with a little surrounding text, cut on code points so astral characters stay whole. */
function snippet(text: string, index: number, length: number): string {
	const before = Array.from(text.slice(0, index)).slice(-CONTEXT_CHARS).join('');
	const hit = text.slice(index, index + length);
	const after = Array.from(text.slice(index + length))
		.slice(0, CONTEXT_CHARS)
		.join('');
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

/** Lowercase words of the tool's own server (slug and name), which its text may mention freely. */
function ownServerWords(server: ServerRef | undefined): Set<string> {
	return new Set([...OWN_SERVER_WORDS, ...words(`${server?.slug ?? ''} ${server?.name ?? ''}`)]);
}

/** Lowercase words without the generic ones (`mcp`, `server`), which say nothing about whose server. */
function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(WORD_SPLIT)
		.filter((w) => w && !GENERIC_SLUG_PARTS.has(w));
}

const IDENT_CHAR = /[\w-]/;
/** The server part of a Claude-style qualified tool name. */
const OWN_QUALIFIER = /^mcp__([a-z0-9][\w-]*?)__\w+$/i;

/**
 * `text` with every whole occurrence of the tool's own qualified name blanked out: `mcp__fs__delete_file`
 * on the fs server names itself. Only a name qualified by the tool's own server goes: a tool named
 * `mcp__gmail__send_email` on another server, or a plain `send_email` told to be called "from the
 * gmail server", is the shadowing this check exists for.
 */
function withoutOwnName(text: string, name: string, own: ReadonlySet<string>): string {
	const qualifier = OWN_QUALIFIER.exec(name)?.[1];
	if (!qualifier || !words(qualifier).some((w) => own.has(w)) || !text.includes(name)) return text;
	let out = '';
	let from = 0;
	for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
		const end = i + name.length;
		if (i < from || IDENT_CHAR.test(text[i - 1] ?? '') || IDENT_CHAR.test(text[end] ?? '')) continue;
		out += `${text.slice(from, i)} `;
		from = end;
	}
	return out + text.slice(from);
}

/** The first reference to a tool of a server other than `own`, if any; the tool's own name is none. */
function crossServerHit(fieldText: string, own: ReadonlySet<string>, toolName: string): string | undefined {
	const text = withoutOwnName(fieldText, toolName, own);
	const foreign = (ref: string | undefined) => {
		const named = words(ref ?? '');
		return named.length > 0 && !named.some((w) => own.has(w));
	};
	for (const m of allMatchGroups(QUALIFIED_TOOL, text)) if (foreign(m.groups[0])) return m.text;
	for (const m of allMatchGroups(SERVER_TOOLS, text)) if (foreign(m.groups[0] ?? m.groups[1])) return m.text;
	for (const m of allMatchGroups(TOOL_FROM_SERVER, text)) if (foreign(m.groups[0])) return m.text;
	for (const m of allMatchGroups(SERVICE_TOOL, text)) if (foreign(m.groups[0])) return m.text;
	return undefined;
}

/** `ignore_previous_instructions` or `ignorePreviousInstructions` as words, for phrase patterns. */
function spacedIdentifier(text: string): string {
	return text.replace(CAPS_BOUNDARY, '$1 $2').replace(CAMEL_BOUNDARY, '$1 $2').replace(IDENT_SEPARATORS, ' ');
}

/**
 * An identifier that may spell an override once spaced (long enough, holding one of its words, glued),
 * as words; undefined for any other text, which the phrase patterns read as it is.
 */
function overrideWords(text: string): string | undefined {
	return text.length >= MIN_OVERRIDE && OVERRIDE_GLUED.test(text) && IDENT_GLUE.test(text)
		? spacedIdentifier(text)
		: undefined;
}

/** False for a parameter that cannot carry text: a boolean or number, an enum or a constant. */
function carriesText(schema: unknown): boolean {
	if (typeof schema !== 'object' || schema === null) return true;
	const s = schema as Record<string, unknown>;
	if (Array.isArray(s.enum) || 'const' in s) return false;
	const types = Array.isArray(s.type) ? (s.type as unknown[]) : [s.type];
	return !types.every((t) => typeof t === 'string' && NON_TEXT_TYPES.has(t));
}

/**
 * True when a system-prompt parameter defines the prompt of another model rather than asking for the
 * caller's own: the parameter's description gives it to someone ("System prompt for the agent") or the
 * tool makes or asks that someone (`create_agent`, "Ask a council of models…"), and the description
 * never addresses the caller ("your system prompt", "so far"). A recipient word anywhere, or a default
 * value, is not enough: a hostile tool can say "for your AI assistant" or ship any default.
 */
function definesAnotherPrompt(schema: unknown, tool: ToolContext): boolean {
	const s = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>) : {};
	const description = typeof s.description === 'string' ? s.description : '';
	if (CALLER_OWN.test(description)) return false;
	return PROMPT_RECIPIENT.test(description) || MAKES_RECIPIENT.test(tool.lead);
}

/** What the field checks need to know about the tool as a whole. */
interface ToolContext {
	readonly name: string;
	/** The name as words and the description's lead sentence, where a tool says what it is for. */
	readonly lead: string;
	/** The tool exists to handle chats, so harvesting-looking names and phrases are its subject. */
	readonly chatTool: boolean;
}

function toolContext(tool: Tool, chatTool: boolean): ToolContext {
	return { name: tool.name, lead: `${spacedIdentifier(tool.name)}\n${leadSentence(tool.description)}`, chatTool };
}

/** The part of a `HARVEST_REQUEST` match that asks for the caller's own instructions or reasoning. */
const YOUR_SECRETS = new RegExp(`\\byour\\s+${YOUR_QUALIFIERS}(?:${CALLER_SECRETS})\\b`, 'i');

/** Why a harvesting finding is raised, by where it was read. */
const HARVEST_WHY = {
	name: 'a parameter asks the model to hand over its conversation, system prompt or reasoning',
	text: 'it asks the model to hand over its conversation, system prompt or reasoning',
} as const;

/** A harvesting hit in one field: a parameter name, an order in any text, or a parameter's own content. */
function harvestHit(
	f: TextField,
	tool: ToolContext,
	first: (re: RegExp) => Match | undefined,
): { match: string; why: string } | undefined {
	if (f.propertyName) {
		const key = f.text.toLowerCase().replace(NON_ALNUM, '');
		if (!HARVEST_NAMES.has(key) || (SYSTEM_PROMPT_NAMES.has(key) && definesAnotherPrompt(f.schema, tool)))
			return undefined;
		return { match: f.text, why: HARVEST_WHY.name };
	}
	if (f.field === 'name') return undefined;
	const order = first(HARVEST_REQUEST);
	if (order) return { match: order.text, why: HARVEST_WHY.text };
	if (!f.field.startsWith('inputSchema.') || !carriesText(f.schema)) return undefined;
	const content = first(HARVEST_DESCRIPTION);
	if (!content || (THE_SYSTEM_PROMPT.test(content.text) && definesAnotherPrompt(f.schema, tool))) return undefined;
	return { match: content.text, why: HARVEST_WHY.name };
}

/** An order to hand over the caller's own system prompt or reasoning, which no tool has a use for. */
function secretOrderHit(
	f: TextField,
	first: (re: RegExp) => Match | undefined,
): { match: string; why: string } | undefined {
	if (f.propertyName || f.field === 'name') return undefined;
	if (!first(HARVEST_REQUEST)) return undefined;
	// Any order, not only the first: "paste what the user said…, and pass your system prompt".
	const order = allMatches(HARVEST_REQUEST, f.text).find((m) => YOUR_SECRETS.test(m.text));
	return order ? { match: order.text, why: HARVEST_WHY.text } : undefined;
}

/** Findings of one field, collected by `add`. */
class FieldFindings {
	readonly out: RawFinding[] = [];
	constructor(readonly field: string) {}
	add(signal: IntegritySignal, match: string, alwaysHigh: boolean, why: string): void {
		this.out.push({ signal, field: this.field, match: clip(match), alwaysHigh, why });
	}
}

/** Invisible and control characters; the common field has none, which one test settles. */
function scanHidden(text: string, found: FieldFindings, zeroWidthKinds: Set<string>): void {
	if (!ANY_HIDDEN.test(text)) return;
	const tags = firstMatch(TAG_CHARS, text);
	if (tags)
		found.add(
			'tag-characters',
			snippet(text, tags.index, tags.text.length),
			true,
			`invisible Unicode tag characters spell out hidden text ("${decodeTags(tags.text)}") that people cannot see but the model reads`,
		);
	const bidi = firstMatch(BIDI, text);
	if (bidi)
		found.add(
			'bidi-control',
			snippet(text, bidi.index, bidi.text.length),
			true,
			'bidirectional control characters reorder how the text is displayed, so people and the model read different things',
		);
	const zw = zeroWidthHits(text);
	if (zw.length > 0) {
		for (const hit of zw) zeroWidthKinds.add(hit.char);
		const hit = zw[0] as { index: number; char: string };
		found.add(
			'hidden-unicode',
			snippet(text, hit.index, hit.char.length),
			false,
			'zero-width characters are invisible on screen and can hide or split words that filters look for',
		);
	}
}

/** Every string of the definition without its path, and whether a property name asks for the conversation. */
interface QuickText {
	readonly strings: string[];
	harvestName: boolean;
}

function collectStrings(value: unknown, parentKey: string, depth: number, seen: Set<object>, acc: QuickText): void {
	if (typeof value === 'string') {
		acc.strings.push(value);
		// An enum value spelled as an identifier, like a property name below.
		const spaced = WHITESPACE.test(value) ? undefined : overrideWords(value);
		if (spaced) acc.strings.push(spaced);
		return;
	}
	if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || seen.has(value)) return;
	seen.add(value);
	if (Array.isArray(value)) {
		for (const v of value) collectStrings(v, '', depth + 1, seen, acc);
		return;
	}
	const obj = value as Record<string, unknown>;
	for (const key in obj) {
		if (parentKey === 'properties') {
			acc.strings.push(key);
			// `ignore_previous_instructions` reads as words only once spaced; the spaced form joins the
			// strings so the prefilter sees its words too.
			const spaced = overrideWords(key);
			if (spaced) acc.strings.push(spaced);
			// Lowercasing and stripping never lengthen a name's letters and digits, so a name shorter than
			// every harvesting name cannot be one; most property names are (id, path, query).
			if (key.length >= MIN_HARVEST_NAME && HARVEST_NAMES.has(key.toLowerCase().replace(NON_ALNUM, '')))
				acc.harvestName = true;
		}
		collectStrings(obj[key], key, depth + 1, seen, acc);
	}
}

/** Runs of ASCII capitals, lowered alone when the text holds a letter whose lowercase form is ASCII. */
const ASCII_UPPER = /[A-Z]+/g;
/** The only letters whose lowercase form holds an ASCII letter (k, i) or has another length. */
const KELVIN_OR_DOTTED_I = /[\u212A\u0130]/;

/** What the prefilters found in one definition's joined text. */
class Triggers {
	readonly found = new Set<string>();
	/** Every trigger word in `lower`, in text order. */
	readonly hits: readonly { text: string; index: number }[];
	readonly lower: string;
	constructor(readonly text: string) {
		// Matching lowercase text with a case-sensitive regex is faster than a case-insensitive one. Every
		// trigger is ASCII; lowering must keep positions and must not turn another letter into an ASCII one
		// glued to a trigger (U+212A lowercases to "k"), so text holding one has only its ASCII lowered.
		this.lower = KELVIN_OR_DOTTED_I.test(text)
			? text.replace(ASCII_UPPER, (run) => run.toLowerCase())
			: text.toLowerCase();
		this.hits = allMatches(TRIGGERS, this.lower);
		for (const m of this.hits) this.found.add(m.text);
	}
	/** Substring answers so far: prefilters share `andWords` (tool, user), and each is searched once. */
	readonly #contains = new Map<string, boolean>();
	/** Substring test on the lowercased text. */
	containsAny(needles: readonly string[]): boolean {
		for (const n of needles) {
			let has = this.#contains.get(n);
			if (has === undefined) this.#contains.set(n, (has = this.lower.includes(n)));
			if (has) return true;
		}
		return false;
	}
	/** Set by `scanChars` when the text may hold a hidden or control character. */
	maybeHidden = false;
	/** The character strings found by `scanChars`, once it has run. */
	#chars: Set<string> | undefined;
	/**
	 * Every occurrence of a prefilter character string, in text order, for text whose lowercasing keeps
	 * its length; `allow` then answers from them instead of searching again.
	 */
	scanChars(): Match[] {
		const out: Match[] = [];
		for (const m of allMatches(CHARS, this.lower)) {
			const inside = CONTAINED.get(m.text);
			if (inside) for (const c of inside) out.push({ text: c.needle, index: m.index + c.offset });
			else this.maybeHidden = true;
		}
		this.#chars = new Set(out.map((m) => m.text));
		return out;
	}
	/** True when a match of `p` is possible. */
	allow(p: Prefilter): boolean {
		let hit = false;
		if (p.words) for (const w of p.words) if (this.found.has(w)) hit = true;
		const chars = this.#chars;
		if (!hit && p.chars)
			for (const c of p.chars)
				if (chars ? chars.has(c) : isSingle(c) ? this.text.includes(c) : this.lower.includes(c)) hit = true;
		return hit && (!p.andWords || this.containsAny(NEEDED_AND_WORDS.get(p.andWords) as readonly string[]));
	}
}

/**
 * Every prefilter character string, found in one regex pass over the lowercased text instead of one
 * `includes` per string and definition (single characters are the same lowercased). Longer strings
 * come first, so `<script` is matched rather than its `<`, which `CONTAINED` then records too.
 */
const CHAR_NEEDLES: readonly string[] = [...new Set(TEXT_PATTERNS.flatMap((p) => p.chars ?? []))].sort(
	(a, b) => b.length - a.length,
);
/**
 * The characters `ANY_HIDDEN` looks for, as one more alternative of `CHARS` (tag characters as their
 * UTF-16 pairs), so clean text needs no pass of its own for them; a hit is confirmed with `ANY_HIDDEN`.
 * Lowercasing neither makes nor changes any of them: they are controls and format characters.
 */
const HIDDEN_ALTERNATIVE =
	'[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]|\\uDB40[\\uDC00-\\uDC7F]';
const CHARS = new RegExp(
	`${CHAR_NEEDLES.map((c) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|')}|${HIDDEN_ALTERNATIVE}`,
	'g',
);
/** For each needle, the needles inside it (itself included) and where. */
const CONTAINED: ReadonlyMap<string, readonly { needle: string; offset: number }[]> = new Map(
	CHAR_NEEDLES.map((n) => [
		n,
		CHAR_NEEDLES.flatMap((m) =>
			[...n.matchAll(new RegExp(m.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'g'))].map((x) => ({
				needle: m,
				offset: x.index,
			})),
		),
	]),
);
// One left-to-right pass finds every needle that occurs, and marks every string holding one, if no
// needle can begin inside another and run past its end (a proper suffix of one is never a prefix of
// another; the list is checked at load). A needle overlapping itself ("developer modeveloper mode")
// is harmless: its first occurrence is found, and the overlapping one lies in the same string.
for (const n of CHAR_NEEDLES) {
	for (let i = 1; i < n.length; i++) {
		if (CHAR_NEEDLES.some((m) => m !== n && m.length > n.length - i && m.startsWith(n.slice(i))))
			throw new Error(`integrity: prefilter strings overlap: ${n}`);
	}
}

/**
 * Each `andWords` list without the words that contain an earlier one (`tools` after `tool`, `users`
 * after `user`): if the earlier is absent so is the later, and if present the list is already
 * satisfied, so searching for the later word again could never change the answer.
 */
const NEEDED_AND_WORDS: ReadonlyMap<readonly string[], readonly string[]> = new Map(
	TEXT_PATTERNS.flatMap((p) =>
		p.andWords
			? [[p.andWords, p.andWords.filter((w, i) => !p.andWords?.slice(0, i).some((e) => w.includes(e)))] as const]
			: [],
	),
);

/** Each trigger word's and character string's prefilters, as bits of `TEXT_PATTERNS` indices. */
const WORD_PREFILTERS: ReadonlyMap<string, number> = (() => {
	if (TEXT_PATTERNS.length > 30) throw new Error('integrity: too many prefilters for a bit mask');
	const m = new Map<string, number>();
	TEXT_PATTERNS.forEach((p, i) => {
		for (const w of [...(p.words ?? []), ...(p.chars ?? [])]) m.set(w, (m.get(w) ?? 0) | (1 << i));
	});
	return m;
})();

/**
 * Which patterns occur in some field of the definition. Fields are scanned one by one only for those:
 * most definitions match none. The strings are joined with a separator no pattern can match across
 * and searched once for every prefilter's trigger words; a pattern whose prefilter the definition
 * passes then runs only over the strings that hold one of its words or characters, where any match
 * must lie, rather than over all the text: in honest text that is one string or two.
 *
 * Positions in the lowercased text are positions in the strings: only ASCII letters are lowered.
 */
function presentPatterns(tool: Tool): { present: ReadonlySet<RegExp>; harvestName: boolean } {
	const acc: QuickText = {
		strings: [tool.name, tool.title ?? '', tool.description ?? '', tool.annotations?.title ?? ''],
		harvestName: false,
	};
	const spacedName = overrideWords(tool.name);
	if (spacedName) acc.strings.push(spacedName);
	const seen = new Set<object>();
	collectStrings(tool.inputSchema, '', 0, seen, acc);
	collectStrings(tool.outputSchema, '', 0, seen, acc);
	const strings = acc.strings;
	const joined = strings.join(FIELD_SEPARATOR);
	const triggers = new Triggers(joined);
	const present = new Set<RegExp>();
	// Which string each trigger word or character string sits in: hits come in text order, so one
	// forward walk per kind suffices.
	const masks = new Array<number>(strings.length).fill(0);
	for (const hits of [triggers.hits, triggers.scanChars()]) {
		let k = 0;
		let end = (strings[0] as string).length;
		for (const hit of hits) {
			while (hit.index > end) end += FIELD_SEPARATOR.length + (strings[++k] as string).length;
			masks[k] = (masks[k] as number) | (WORD_PREFILTERS.get(hit.text) ?? 0);
		}
	}
	TEXT_PATTERNS.forEach((p, i) => {
		if (present.has(p.re) || !triggers.allow(p)) return;
		const bit = 1 << i;
		for (let j = 0; j < strings.length; j++) {
			if (((masks[j] as number) & bit) !== 0 && firstMatch(p.re, strings[j] as string)) {
				present.add(p.re);
				return;
			}
		}
	});
	// `scanChars` found any candidate hidden character; the exact test runs only then.
	if (triggers.maybeHidden && ANY_HIDDEN.test(joined)) present.add(ANY_HIDDEN);
	return { present, harvestName: acc.harvestName };
}

function scanField(
	f: TextField,
	tool: ToolContext,
	zeroWidthKinds: Set<string>,
	own: ReadonlySet<string>,
	present: ReadonlySet<RegExp>,
): RawFinding[] {
	const { field, text } = f;
	const found = new FieldFindings(field);
	const add = found.add.bind(found);
	const first = (re: RegExp) => (present.has(re) ? firstMatch(re, text) : undefined);
	if (present.has(ANY_HIDDEN)) scanHidden(text, found, zeroWidthKinds);
	const control = (present.has(ANY_HIDDEN) ? firstMatch(CONTROL, text) : undefined) ?? first(ANSI_LITERAL);
	if (control)
		add(
			'control-characters',
			snippet(text, control.index, control.text.length),
			true,
			'terminal control or ANSI escape sequences can hide or rewrite text in a console',
		);
	const tag = first(PSEUDO_TAG) ?? first(PSEUDO_BRACKET);
	if (tag) add('pseudo-tag', tag.text, false, 'a pseudo tag dresses the text up as a system instruction to the model');
	// A tool or parameter name, or a schema string without spaces (an enum value), is an identifier:
	// `ignore_previous_instructions` is read as its words.
	const identifier = f.propertyName || field === 'name' || (field.startsWith('inputSchema.') && !WHITESPACE.test(text));
	const spaced = identifier && present.has(OVERRIDE) ? overrideWords(text) : undefined;
	const override = first(OVERRIDE) ?? (spaced && firstMatch(OVERRIDE, spaced) ? { text, index: 0 } : undefined);
	if (override)
		add(
			'model-instruction',
			override.text,
			true,
			'it tells the model to set aside its instructions, which no honest tool needs to do',
		);
	const coercion = first(COERCION);
	if (coercion)
		add(
			'coercive-instruction',
			coercion.text,
			false,
			'it orders the model around other tools or its own use, a common way to smuggle extra steps in',
		);
	const secrecy = first(SECRECY_STRONG);
	if (secrecy)
		add(
			'secrecy',
			secrecy.text,
			true,
			'it asks the model to keep something from the user, which no honest tool needs to do',
		);
	else {
		const weak = first(SECRECY_WEAK);
		if (weak)
			add('secrecy', weak.text, false, "it says something happens silently or secretly, out of the user's sight");
	}
	const path = first(SENSITIVE_PATH);
	if (path) {
		const ordered = EXFIL_VERB.test(sentenceAround(text, path.index));
		add(
			'sensitive-path',
			path.text.replace(LEADING_DELIMITER, ''),
			ordered,
			ordered
				? 'it asks for the content of a credential or agent-configuration file'
				: 'it mentions a credential or agent-configuration file',
		);
	}
	const shell = first(SHELL_PAYLOAD);
	if (shell) add('shell-payload', shell.text, true, 'it contains a shell or script payload');
	const cross =
		f.propertyName || !CROSS_PATTERNS.some((re) => present.has(re)) ? undefined : crossServerHit(text, own, tool.name);
	if (cross)
		add(
			'cross-server',
			cross,
			false,
			"it refers to another server's tools, the way tool-shadowing attacks redirect or hijack calls meant for them",
		);
	// A chat tool's subject is the conversation, but never the caller's own system prompt or reasoning.
	const harvest = tool.chatTool ? secretOrderHit(f, first) : harvestHit(f, tool, first);
	if (harvest) add('harvesting-param', harvest.match, true, harvest.why);
	return found.out;
}

/**
 * Scans every text field of a definition. Findings are ordered by field (name, title, description,
 * annotation title, then schema strings by sorted path) and by signal, one per signal and field.
 */
export function scanIntegrity(tool: Tool, server?: ServerRef): IntegrityFinding[] {
	const chatTool = CHAT_TOOL.test(tool.name);
	const zeroWidthKinds = new Set<string>();
	const { present, harvestName } = presentPatterns(tool);
	// The common case: nothing suspicious anywhere, so no field needs a closer look.
	if (present.size === 0 && !(harvestName && !chatTool)) return [];
	const own = ownServerWords(server);
	const context = toolContext(tool, chatTool);
	const raw = textFields(tool).flatMap((f) => scanField(f, context, zeroWidthKinds, own, present));
	const signals = new Set(raw.map((r) => r.signal));
	// Two different signals in one definition, or three kinds of zero-width character, look deliberate.
	const combined = signals.size >= 2 || zeroWidthKinds.size >= 3;
	return raw.map((r): IntegrityFinding => {
		const severity: IntegritySeverity = r.alwaysHigh || combined ? 'high' : 'medium';
		const why = !r.alwaysHigh && combined ? `${r.why}; together with the other findings this looks deliberate` : r.why;
		return { signal: r.signal, field: r.field, match: r.match, severity, why };
	});
}
