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
import { SandboxedStdioTransport, type Observed } from './transport.ts';

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
	| 'bad-input';

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

/** Most pages followed before a cursor loop is assumed. */
const MAX_PAGES = 100;

/** A permissive page schema: tools exactly as the server sent them. */
const rawToolsPage = z.looseObject({ tools: z.array(z.record(z.string(), z.unknown())), nextCursor: z.string().optional() });

/** Patterns that make waiting pointless, checked on stderr and stdout noise. */
const HOPELESS: [RegExp, FailureReason, string][] = [
	[/\b(?:authori[sz]e|authenticate|log ?in|sign ?in|visit|open)\b[^\n]{0,120}https?:\/\/(?!127\.0\.0\.1:9\b)/i, 'interactive', 'asks for a browser authorisation'],
	[/press (?:enter|any key)|\(y\/n\)|\[y\/n\]|enter (?:your|the) [a-z ]{2,30}:\s*$|\?\s*›/i, 'interactive', 'waits for an interactive answer'],
	[/(?:listening|running|started|serving|available|server is up)\b(?![^\n]*\bstdio\b)[^\n]{0,80}(?:https?:\/\/|\bport\s*:?\s*\d{2,5}|(?:localhost|0\.0\.0\.0|127\.0\.0\.1):\d{2,5})/i, 'http-only', 'serves HTTP instead of stdio'],
];

/** Guesses why a server that died or refused gave up, from what it printed. */
export function classifyOutput(text: string): FailureReason | undefined {
	if (/cannot find module[^\n]*\.node\b|could not locate the bindings file|was compiled against a different node\.js version|\bERR_DLOPEN_FAILED\b|\.node: cannot open shared object/i.test(text)) return 'native-module';
	if (/requires? node(?:\.js)?\s*(?:version\s*)?(?:>=?|v)?\s*\d|unsupported engine|ERR_UNKNOWN_BUILTIN_MODULE|is not a function[^\n]*(?:glob|enableCompileCache)|node:sqlite/i.test(text)) return 'node-version';
	if (/\b(?:ENOTFOUND|EAI_AGAIN|ENETUNREACH|ECONNREFUSED|fetch failed|network is unreachable|getaddrinfo)\b/i.test(text)) return 'needs-network';
	if (/\b(?:usage|commands?|options):/i.test(text) && text.length < 20000) return 'usage';
	if (/\b(?:missing|required|not set|not configured|must (?:be )?(?:set|provide)|no such file|ENOENT|not found|invalid|please (?:set|provide|configure)|api[_ ]?key|token|credentials?)\b/i.test(text)) return 'needs-config';
	return undefined;
}

/** How a run ended when no listing came back: the reason, then a one-line cause. */
function failureOf(observed: Observed | undefined, fallback: IngestError): IngestError {
	const output = (observed ? `${observed.stderrHead}${observed.stderrTail && !observed.stderrHead.endsWith(observed.stderrTail) ? `\n…\n${observed.stderrTail}` : ''}\n${observed.noiseHead}`.trim() : '').replace(/\x1b\[[0-9;]*m/g, '');
	if (fallback.reason !== 'exited' && fallback.reason !== 'protocol-error') return new IngestError(fallback.reason, fallback.message, output);
	const reason = classifyOutput(output) ?? fallback.reason;
	const lastLine = output.split('\n').map((l) => l.trim()).filter((l) => l && !/^\s*at /.test(l)).find((l) => /error|missing|required|usage|not /i.test(l)) ?? output.split('\n').find((l) => l.trim()) ?? '';
	return new IngestError(reason, `${fallback.message}${lastLine ? `: ${lastLine.slice(0, 300)}` : ''}`, output);
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
	const deadline = setTimeout(() => abort(new IngestError('timeout', `no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);
	// Both set before connect(): the SDK chains them, so we see the raw initialize result and the exit.
	let rawPage: Json | undefined;
	transport.onmessage = (message) => {
		const result = (message as { result?: Json }).result;
		// The SDK's parse reorders keys; the catalogue keeps each page exactly as the server sent it.
		if (result && Array.isArray(result.tools)) rawPage = result;
		if (!initialize && result && typeof result.protocolVersion === 'string') {
			initialize = result;
			answered = true;
			clearTimeout(graceTimer);
		}
	};
	const exited = new Promise<never>((_, reject) => {
		transport.onclose = () => {
			const exit = stdio?.observed.exit;
			reject(new IngestError('exited', `the server exited${exit ? ` (${exit.code ?? exit.signal})` : ''} ${initialize ? 'during tools/list' : 'before answering initialize'}`));
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
				page = (await Promise.race([client.request({ method: 'tools/list', params }, rawToolsPage, { timeout: timeoutMs }), exited])) as typeof page;
				for (const tool of page.tools) if (!isObjectSchema(tool.inputSchema)) invalid.push(String(tool.name));
			}
			pages++;
			tools.push(...page.tools);
			cursor = page.nextCursor || undefined;
			if (cursor && seenCursors.has(cursor)) throw new IngestError('protocol-error', `tools/list repeated the cursor ${JSON.stringify(cursor)}`);
			if (cursor) seenCursors.add(cursor);
			if (pages >= MAX_PAGES && cursor) throw new IngestError('protocol-error', `tools/list still paginating after ${MAX_PAGES} pages`);
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
		const ingestError = error instanceof IngestError ? error : new IngestError('protocol-error', (error as Error).message);
		throw failureOf(stdio?.observed, ingestError);
	} finally {
		clearTimeout(deadline);
		clearTimeout(graceTimer);
		await transport.close().catch(() => {});
		await client.close().catch(() => {});
	}
}

/** Whether an error is the SDK's result validation (zod) rather than a protocol or transport error. */
function isValidationError(error: unknown): boolean {
	const e = error as { name?: string; message?: string; issues?: unknown };
	return e?.name === 'ZodError' || Array.isArray(e?.issues) || /invalid (?:input|type|union)|expected (?:object|string|array)|validation/i.test(e?.message ?? '');
}

/** Whether a value is a JSON Schema for an object, as the spec requires of inputSchema. */
export function isObjectSchema(schema: unknown): boolean {
	return Boolean(schema) && typeof schema === 'object' && !Array.isArray(schema) && (schema as Json).type === 'object';
}
