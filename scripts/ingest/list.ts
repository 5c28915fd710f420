/**
 * Lists a server's tools with the official SDK `Client`: `initialize` (serverInfo, protocol version,
 * capabilities, as returned), then every page of `tools/list` following `nextCursor`. Each page is first
 * read through the SDK's own validation (`client.listTools`); when the SDK rejects a page, it is read again
 * permissively and the tools whose schema is invalid are flagged, not dropped.
 *
 * Hopeless runs are detected and reported instead of waited out: a server that announces an HTTP port,
 * prints an authorisation URL or a prompt, or prints usage text and exits.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { z } from 'zod';
import { printable } from './printable.ts';
import { type Observed, SandboxedStdioTransport } from './transport.ts';

type Json = Record<string, unknown>;

/** Why a listing failed; the summary table groups failures by this. */
export type FailureReason =
	| 'install-failed'
	| 'no-bin'
	| 'timeout'
	| 'http-only'
	| 'interactive'
	| 'usage'
	| 'needs-config'
	| 'needs-network'
	| 'native-module'
	| 'node-version'
	| 'exited'
	| 'zero-tools'
	| 'protocol-error'
	| 'invalid-record'
	| 'bad-input'
	| 'no-sandbox';

/** A failure with a reason from {@link FailureReason} and a human message naming the cause. */
export class IngestError extends Error {
	constructor(
		readonly reason: FailureReason,
		message: string,
		readonly output = '',
	) {
		super(message);
	}
}

/** One successful listing. */
export interface Listing {
	initialize: Json;
	tools: Json[];
	pages: number;
	/** Names of tools whose page the SDK rejected and whose input schema is not a JSON Schema object. */
	invalidSchemaTools: string[];
	/** Non-JSON-RPC stdout lines the server printed (0 for HTTP). */
	stdoutNoise: number;
	ms: number;
}

/**
 * Most tools/list pages followed. Far above any genuine server (the largest lists a few hundred tools on a
 * handful of pages); a cursor that repeats is caught at once, this only ends endless fresh cursors.
 */
export const MAX_PAGES = 1000;

/** A permissive page schema: tools exactly as the server sent them. */
const rawToolsPage = z.looseObject({
	tools: z.array(z.record(z.string(), z.unknown())),
	nextCursor: z.string().optional(),
});

/** Patterns that make waiting pointless, checked on stderr and stdout noise. */
const HOPELESS: [RegExp, FailureReason, string][] = [
	[
		/\b(?:authori[sz]e|authenticate|log ?in|sign ?in|visit|open)\b[^\n]{0,120}https?:\/\/(?!127\.0\.0\.1:9\b)/i,
		'interactive',
		'asks for a browser authorisation',
	],
	[
		/press (?:enter|any key)|\(y\/n\)|\[y\/n\]|enter (?:your|the) [a-z ]{2,30}:\s*$|\?\s*›/i,
		'interactive',
		'waits for an interactive answer',
	],
	// A usage header ("Usage: widget-mcp <command>") from a process that stays alive instead of exiting.
	[/^\s*usage:\s+\S+/im, 'usage', 'prints usage text and waits instead of serving'],
	[
		/(?:listening|running|started|serving|available|server is up)\b(?![^\n]*\bstdio\b)[^\n]{0,80}(?:https?:\/\/|\bport\s*:?\s*\d{2,5}|(?:localhost|0\.0\.0\.0|127\.0\.0\.1):\d{2,5})/i,
		'http-only',
		'serves HTTP instead of stdio',
	],
];

/**
 * Output that names a cause, checked in order; the first match wins. `undefined` as the reason stops the
 * search without a guess (the caller keeps `exited`): a package that is broken on any machine.
 */
const CAUSES: [RegExp, FailureReason | undefined][] = [
	// A native addon that was never built (installs run with scripts disabled) or was built for another Node.
	[
		/cannot find module[^\n]*(?:\.node\b|build\/(?:Release|Debug)\/|\/prebuilds?\/|isolated_vm)|could not locate the bindings file|no native build was found|was compiled against a different node\.js version|\bERR_DLOPEN_FAILED\b|\.node: (?:cannot open shared object|undefined symbol|invalid ELF)|\b\w[\w-]*\.node\b[^\n]{0,80}\b(?:could not|cannot|failed|missing|not found)|\bnative (?:binary|addon|module|binding|library)s?\b[^\n]{0,80}\b(?:could not|cannot|failed|missing|not found|not (?:be )?(?:loaded|built|installed))/i,
		'native-module',
	],
	// Newer Node APIs, or the package saying which Node it wants.
	[
		/requires? node(?:\.js)?\s*(?:version\s*)?(?:>=?|v)?\s*\d|node(?:\.js)? v?\d+(?:\.\d+)*\+? (?:or (?:higher|later|newer) )?is required|unsupported (?:engine|node(?:\.js)? version)|ERR_UNKNOWN_BUILTIN_MODULE|is not a function[^\n]*(?:glob|enableCompileCache)|node:sqlite/i,
		'node-version',
	],
	// Reaching out at start-up (the sandbox has no network; placeholder URLs point at a closed local port).
	[
		/\b(?:ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|fetch failed|network is unreachable|getaddrinfo)\b|could not resolve host|temporary failure in name resolution/i,
		'needs-network',
	],
	// Credentials, configuration or project files the server says it lacks: before usage, since servers
	// often print their usage text after such an error.
	[
		/\bno (?:access |api |auth(?:entication)? |bearer |valid )?(?:token|api[ _-]?key|key|credentials?|secret|password)s? (?:was |were |is |are )?(?:provided|given|found|set|configured|supplied|available)|\b(?:api[ _-]?key|access[ _-]?token|auth(?:entication)?[ _-]?token|token|credentials?|secret|password|client[ _-]?(?:id|secret))s?\b[^\n]{0,30}?\b(?:is |are )?(?:required|missing|not (?:set|provided|found|configured|defined)|must be (?:set|provided))|\bmissing\b[^\n]{0,60}?\b(?:api[ _-]?key|token|credentials?|secret|password|env(?:ironment)?[ _-]?var(?:iable)?s?|config(?:uration)?)\b|\b(?:config(?:uration)?|env(?:ironment)?(?: variables?)?) (?:validation|check) failed|\binvalid (?:config(?:uration)?|environment)\b|\bEnvVarError\b|\b(?:should|must) be a valid\b|\bno [\w.\-/]{1,40}(?: (?:config(?:uration)?|settings))? (?:file|config(?:uration)?|folder|directory) (?:was )?found|\bno \.[\w.-]+ (?:file|config(?:uration)?|folder|directory)?\s*(?:was )?found|could not find (?:a |an |the )?(?:valid )?[\w.\- ]{0,40}?(?:file|config(?:uration)?|entrypoint)\b|\bauthentication failed|\bnot (?:logged|signed) in\b|please (?:log ?in|sign ?in|authenticate)|\brun\b[^\n]{0,40}\b(?:auth|login)\b[^\n]{0,20}\bfirst\b/i,
		'needs-config',
	],
	// Wrong or missing arguments: a CLI that wants a subcommand or options.
	[
		/\b(?:usage|commands?|options):|\bunknown (?:option|command|subcommand|argument|flag)\b|\bunrecognized (?:option|argument|command)|\bno command registered\b|\btoo many arguments\b|\bmissing required (?:argument|option|positional)|\brequired option\b|--help\b[^\n]{0,40}\b(?:for|to see) (?:usage|more|help|available)|\bfor usage information\b/i,
		'usage',
	],
	// A package broken on any machine (a dependency or file it imports is missing, a bad import): no guess.
	[
		/\bERR_MODULE_NOT_FOUND\b|cannot find (?:module|package) '|does not provide an export named|ERR_PACKAGE_PATH_NOT_EXPORTED/i,
		undefined,
	],
	// Weaker signs of missing configuration.
	[
		/\b(?:missing|required|not set|not configured|must (?:be )?(?:set|provide)|no such file|ENOENT|not found|invalid|please (?:set|provide|configure)|api[_ ]?key|token|credentials?)\b/i,
		'needs-config',
	],
];

/** Guesses why a server that died or refused gave up, from what it printed. */
export function classifyOutput(text: string): FailureReason | undefined {
	for (const [pattern, reason] of CAUSES) {
		// Usage text is short; a long output that merely mentions "options:" is something else.
		if (pattern.test(text) && !(reason === 'usage' && text.length >= 20000)) return reason;
	}
	return undefined;
}

/** How a run ended when no listing came back: the reason, then a one-line cause. */
function failureOf(observed: Observed | undefined, fallback: IngestError): IngestError {
	const raw = (
		observed
			? `${observed.stderrHead}${observed.stderrTail && !observed.stderrHead.endsWith(observed.stderrTail) ? `\n…\n${observed.stderrTail}` : ''}\n${observed.noiseHead}`.trim()
			: ''
	).replace(/\r\n?/g, '\n');
	const output = printable(raw);
	if (fallback.reason !== 'exited' && fallback.reason !== 'protocol-error')
		return new IngestError(fallback.reason, fallback.message, output);
	const reason = classifyOutput(output) ?? fallback.reason;
	const lastLine = causeLine(output);
	return new IngestError(reason, `${fallback.message}${lastLine ? `: ${lastLine.slice(0, 300)}` : ''}`, output);
}

/**
 * The line of a server's output that best says why it stopped: a thrown error (`TypeError: …`,
 * `Error [CODE]: …`), else the first line that complains, else the first line. Stack frames and the
 * source excerpt Node prints above an uncaught error are skipped.
 */
export function causeLine(output: string): string {
	const lines = output
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !/^at |^\^+$|^(?:file:\/\/)?\/\S+:\d+$|^node:internal\//.test(l));
	return (
		lines.find((l) => /(?:^|[\s:\]])(?:[A-Z]\w*)?Error(?: \[\w+\])?: \S/.test(l)) ??
		lines.find((l) => /error|missing|required|usage|not |no |cannot|could not|failed/i.test(l)) ??
		lines[0] ??
		''
	);
}

/** What to connect to: a sandboxed stdio command or a Streamable HTTP URL. */
export type Target = { kind: 'stdio'; command: string; args: string[]; cwd: string } | { kind: 'http'; url: string };

/** Connects, lists every tool, and always closes (killing the process tree). */
export async function listTools(target: Target, timeoutMs: number): Promise<Listing> {
	const started = Date.now();
	let early: IngestError | undefined;
	let abort: (error: IngestError) => void = () => {};
	const aborted = new Promise<never>((_, reject) => {
		abort = (error) => reject(error);
	});
	aborted.catch(() => {});
	let graceTimer: ReturnType<typeof setTimeout> | undefined;
	let answered = false;
	let transport: Transport;
	let stdio: SandboxedStdioTransport | undefined;
	if (target.kind === 'stdio') {
		stdio = new SandboxedStdioTransport({
			command: target.command,
			args: target.args,
			cwd: target.cwd,
			onFault: (message) => abort(new IngestError('protocol-error', message)),
			onOutput: (text) => {
				if (answered || early) return;
				for (const [pattern, reason, what] of HOPELESS) {
					if (pattern.test(text)) {
						early = new IngestError(reason, `the server ${what}`);
						// A short grace: some servers print such lines and still answer on stdio.
						graceTimer = setTimeout(() => abort(early!), 1500);
						return;
					}
				}
			},
		});
		transport = stdio;
	} else {
		transport = new StreamableHTTPClientTransport(new URL(target.url));
	}
	let initialize: Json | undefined;
	const client = new Client({ name: 'policy-atlas-ingest', version: '1.0.0' });
	const deadline = setTimeout(
		() => abort(new IngestError('timeout', `no complete answer within ${timeoutMs / 1000} s`)),
		timeoutMs,
	);
	const strayIds = new Set<string>();
	// Requests we sent, by id: an answer is ours only when its id is one of them (see `send` below).
	const sent = new Map<string | number, string>();
	const send = transport.send.bind(transport);
	transport.send = (message, options) => {
		if ('method' in message && 'id' in message) sent.set(message.id, message.method);
		return send(message, options);
	};
	// Both set before connect(): the SDK chains them, so we see the raw initialize result and the exit.
	let rawPage: Json | undefined;
	transport.onmessage = (message) => {
		const id = (message as { id?: string | number }).id;
		if (id === undefined || 'method' in message) return; // a notification or a request to the client
		const method = sent.get(id);
		// An answer to no request of ours (an injected tools/list reply) is never recorded; the SDK drops it too.
		if (method === undefined) {
			strayIds.add(JSON.stringify(id));
			return;
		}
		const result = (message as { result?: Json }).result;
		// The SDK's parse reorders keys; the catalogue keeps each page exactly as the server sent it.
		if (method === 'tools/list' && result && Array.isArray(result.tools)) rawPage = result;
		if (method === 'initialize' && !initialize && result && typeof result.protocolVersion === 'string') {
			initialize = result;
			answered = true;
			clearTimeout(graceTimer);
		}
	};
	const exited = new Promise<never>((_, reject) => {
		transport.onclose = () => {
			// Our own close (the SDK closes on a failed initialize) is no exit: the real cause is reported instead.
			if (stdio?.closedByUs) return;
			const exit = stdio?.observed.exit;
			reject(
				new IngestError(
					'exited',
					`the server exited${exit ? ` (${exit.code ?? exit.signal})` : ''} ${initialize ? 'during tools/list' : 'before answering initialize'}`,
				),
			);
		};
	});
	exited.catch(() => {});
	const session = async (): Promise<Listing> => {
		await Promise.race([client.connect(transport, { timeout: timeoutMs }), exited]);
		const tools: Json[] = [];
		const invalid: string[] = [];
		const seenCursors = new Set<string>();
		let cursor: string | undefined;
		let pages = 0;
		do {
			const params = cursor ? { cursor } : {};
			let page: { tools: Json[]; nextCursor?: string | undefined };
			try {
				rawPage = undefined;
				const checked = await Promise.race([client.listTools(params, { timeout: timeoutMs }), exited]);
				page = (rawPage ?? checked) as unknown as typeof page;
			} catch (error) {
				if (error instanceof IngestError || !isValidationError(error)) throw error;
				// The SDK rejected the page (typically a tool whose inputSchema is not an object schema):
				// read it again permissively and flag what is wrong instead of losing the whole page.
				page = (await Promise.race([
					client.request({ method: 'tools/list', params }, rawToolsPage, { timeout: timeoutMs }),
					exited,
				])) as typeof page;
				for (const tool of page.tools) if (!isObjectSchema(tool.inputSchema)) invalid.push(String(tool.name));
			}
			pages++;
			tools.push(...page.tools);
			cursor = page.nextCursor || undefined;
			if (cursor && seenCursors.has(cursor))
				throw new IngestError('protocol-error', `tools/list repeated the cursor ${JSON.stringify(cursor)}`);
			if (cursor) seenCursors.add(cursor);
			if (pages >= MAX_PAGES && cursor)
				throw new IngestError('protocol-error', `tools/list still paginating after ${MAX_PAGES} pages`);
		} while (cursor);
		if (!initialize) throw new IngestError('protocol-error', 'no initialize result seen');
		return {
			initialize: { ...initialize, serverInfo: initialize.serverInfo ?? client.getServerVersion() },
			tools,
			pages,
			invalidSchemaTools: invalid,
			stdoutNoise: stdio?.observed.noiseLines ?? 0,
			ms: Date.now() - started,
		};
	};
	const running = session();
	running.catch(() => {});
	try {
		return await Promise.race([running, aborted]);
	} catch (error) {
		const failure = asIngestError(error, initialize ? 'tools/list' : 'initialize');
		if (strayIds.size)
			failure.message += `; the server answered ids no request of ours had (${[...strayIds].slice(0, 5).join(', ')})`;
		throw failureOf(stdio?.observed, failure);
	} finally {
		clearTimeout(deadline);
		clearTimeout(graceTimer);
		await transport.close().catch(() => {});
		await client.close().catch(() => {});
	}
}

/** JSON-RPC 2.0 and MCP error codes, by name. */
const JSON_RPC_ERRORS: Record<number, string> = {
	[-32700]: 'parse error',
	[-32600]: 'invalid request',
	[-32601]: 'method not found',
	[-32602]: 'invalid params',
	[-32603]: 'internal error',
	[-32000]: 'connection closed',
	[-32001]: 'request timeout',
	[-32002]: 'resource not found',
};

/**
 * An error of the SDK as what it is: a JSON-RPC error the server answered `stage` with (code, its name and
 * the server's message quoted), the SDK's request timeout, or another failure of the exchange.
 */
export function asIngestError(error: unknown, stage: string): IngestError {
	if (error instanceof IngestError) return error;
	const e = error as { code?: unknown; message?: string };
	const message = String(e?.message ?? error);
	if (typeof e?.code === 'number') {
		if (e.code === -32001) return new IngestError('timeout', `no answer to ${stage} in time`);
		const text = message.replace(/^MCP error -?\d+: /, '');
		const name = JSON_RPC_ERRORS[e.code];
		return new IngestError(
			'protocol-error',
			`the server answered ${stage} with JSON-RPC error ${e.code}${name ? ` (${name})` : ''}: ${JSON.stringify(text.slice(0, 200))}`,
		);
	}
	return new IngestError('protocol-error', `${stage} failed: ${message.slice(0, 300)}`);
}

/** Whether an error is the SDK's result validation (zod) rather than a protocol or transport error. */
function isValidationError(error: unknown): boolean {
	const e = error as { name?: string; message?: string; issues?: unknown };
	return (
		e?.name === 'ZodError' ||
		Array.isArray(e?.issues) ||
		/invalid (?:input|type|union)|expected (?:object|string|array)|validation/i.test(e?.message ?? '')
	);
}

/** Whether a value is a JSON Schema for an object, as the spec requires of inputSchema. */
export function isObjectSchema(schema: unknown): boolean {
	return Boolean(schema) && typeof schema === 'object' && !Array.isArray(schema) && (schema as Json).type === 'object';
}
