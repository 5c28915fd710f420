/**
 * A stdio transport for the SDK `Client` that we control end to end, because third-party servers
 * misbehave in ways the SDK's `StdioClientTransport` cannot survive or report:
 * - it spawns with exactly the environment given (the SDK merges HOME, PATH, SHELL, USER... from ours);
 * - it reads stdout tolerantly: a line that is not JSON-RPC is counted as noise (and kept for detection),
 *   and a banner printed without a newline before a message (`booting...{"jsonrpc":...}`) is cut off
 *   so the message is not lost;
 * - it keeps the head and tail of stderr for error messages and detection, never for the catalogue;
 * - `close()` kills the whole process group with SIGKILL at once (the sandbox's PID namespace takes the rest).
 * Nothing a server prints reaches the catalogue: only parsed JSON-RPC messages are passed on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { type JSONRPCMessage, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { trackGroup } from './reaper.ts';

/** Largest stdout line accepted (tools/list answers reach 1 MB; a genuine 16 MB answer must still fit). */
const MAX_LINE = 32 * 1024 * 1024;
/**
 * Most requests a server may send the client during one listing (the SDK answers each: pings, roots,
 * sampling). A genuine server sends a handful; a flood would grow our replies without bound.
 */
export const MAX_SERVER_REQUESTS = 1000;
/** Most bytes of our replies a server may leave unread on its stdin before it counts as not reading. */
const MAX_UNREAD = 8 * 1024 * 1024;
/** An unfinished stdout line that may still become a message (or holds nothing yet). */
const MESSAGE_START_OR_BLANK = /^\s*(?:\{|$)/;
/** How much stderr and stdout noise is kept for messages and detection. */
const KEEP = 4000;

/** What the transport saw besides protocol messages. */
export interface Observed {
	/** Non-JSON-RPC stdout lines. */
	noiseLines: number;
	/** First characters of stdout noise. */
	noiseHead: string;
	/** First and last characters of stderr. */
	stderrHead: string;
	stderrTail: string;
	/** Exit code or signal once the process has ended. */
	exit?: { code: number | null; signal: NodeJS.Signals | null };
}

/** Options of {@link SandboxedStdioTransport}. */
export interface SpawnSpec {
	command: string;
	args: string[];
	cwd: string;
	/**
	 * Called with every chunk of stderr, every noise line, and the tail of an unfinished stdout line that
	 * cannot be a message (a prompt), for early detection of hopeless runs.
	 */
	onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
	/**
	 * Called once when the server breaks the protocol in a way that makes waiting pointless (invalid
	 * JSON-RPC, an oversized line, a request flood); the transport stops reading, the caller ends the run.
	 */
	onFault?: (message: string) => void;
}

/** What one stdout line holds: a message, an attempted message that is not valid JSON-RPC, or neither (noise). */
export type LineContent = { message: JSONRPCMessage } | { invalid: string } | { noise: true };

/**
 * Whether a JSON value tries to be a JSON-RPC request or answer: it carries an id (a JSON log line of a
 * server does not; an error answer with id null, which some servers send for a line they could not parse,
 * answers nothing of ours and stays noise).
 */
function looksLikeJsonRpc(value: unknown): boolean {
	if (Array.isArray(value)) return value.some(looksLikeJsonRpc); // a batch
	if (!value || typeof value !== 'object') return false;
	const id = (value as Record<string, unknown>).id;
	return typeof id === 'string' || typeof id === 'number';
}

/** Reads one stdout line (see {@link LineContent}), recovering a message glued after a banner. */
export function inspectLine(line: string): LineContent {
	const parse = (text: string): unknown => {
		try {
			return JSON.parse(text);
		} catch {
			return undefined;
		}
	};
	const value = parse(line);
	if (value !== undefined) {
		const parsed = JSONRPCMessageSchema.safeParse(value);
		if (parsed.success) return { message: parsed.data };
		if (looksLikeJsonRpc(value))
			return {
				invalid: Array.isArray(value)
					? 'a JSON-RPC batch (MCP stdio carries single messages)'
					: `a message that is not valid JSON-RPC 2.0: ${line.slice(0, 160)}`,
			};
		return { noise: true };
	}
	// A banner glued in front: try the text from each later "{" (a few, so a long junk line stays cheap).
	for (let at = line.indexOf('{', 1), tries = 0; at !== -1 && tries < 20; at = line.indexOf('{', at + 1), tries++) {
		const parsed = JSONRPCMessageSchema.safeParse(parse(line.slice(at)));
		if (parsed.success) return { message: parsed.data };
	}
	return { noise: true };
}

/** Parses one stdout line as a JSON-RPC message, recovering one glued after a banner; undefined if none. */
export function parseLine(line: string): JSONRPCMessage | undefined {
	const content = inspectLine(line);
	return 'message' in content ? content.message : undefined;
}

/** Where a recovered message starts in a polluted line (0 when the line is clean). */
function messageStart(line: string): number {
	const trimmed = line.trimStart();
	if (trimmed.startsWith('{')) return 0;
	return line.indexOf('{');
}

/** The SDK `Transport` over a sandboxed child's stdio. */
export class SandboxedStdioTransport implements Transport {
	onclose?: () => void;
	onerror?: (error: Error) => void;
	onmessage?: (message: JSONRPCMessage) => void;
	readonly observed: Observed = { noiseLines: 0, noiseHead: '', stderrHead: '', stderrTail: '' };
	/** Whether `close()` ended the server (then its end is ours, not an exit of its own). */
	closedByUs = false;
	private child?: ChildProcess;
	/** The unfinished stdout line, as received chunks: joined once, when its newline arrives (linear time). */
	private pending: string[] = [];
	private pendingLength = 0;
	private serverRequests = 0;
	private faulted = false;
	private closed = false;

	constructor(private readonly spec: SpawnSpec) {}

	/** Spawns the server; resolves once it is running, rejects if it cannot be started. */
	start(): Promise<void> {
		return new Promise((resolve, reject) => {
			// Empty env: the sandbox's `env -i` sets the server's own; detached: its own process group to kill.
			const child = spawn(this.spec.command, this.spec.args, {
				cwd: this.spec.cwd,
				env: {},
				stdio: ['pipe', 'pipe', 'pipe'],
				detached: true,
			});
			this.child = child;
			const untrack = trackGroup(child.pid);
			child.once('error', (error) => {
				reject(error);
				this.onerror?.(error);
			});
			child.once('spawn', () => resolve());
			child.once('exit', (code, signal) => {
				this.observed.exit = { code, signal };
			});
			child.once('close', () => {
				untrack();
				this.finish();
			});
			child.stdin?.on('error', () => {}); // a server that exits while we write is reported by exit, not EPIPE
			child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk));
			child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
				if (this.observed.stderrHead.length < KEEP)
					this.observed.stderrHead += chunk.slice(0, KEEP - this.observed.stderrHead.length);
				this.observed.stderrTail = (this.observed.stderrTail + chunk).slice(-KEEP);
				this.spec.onOutput?.(chunk, 'stderr');
			});
		});
	}

	private read(chunk: string): void {
		if (this.faulted) return;
		let start = 0;
		for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
			const piece = chunk.slice(start, newline);
			const line = this.pending.length ? this.pending.join('') + piece : piece;
			this.pending = [];
			this.pendingLength = 0;
			start = newline + 1;
			this.line(line.replace(/\r$/, ''));
			if (this.faulted) return;
		}
		if (start < chunk.length) {
			this.pending.push(chunk.slice(start));
			this.pendingLength += chunk.length - start;
		}
		if (this.pendingLength > MAX_LINE) {
			this.fault(`the server wrote a stdout line longer than ${MAX_LINE >> 20} MiB`);
			return;
		}
		// A prompt ("Enter your API key: ") ends without a newline and then waits: let detection see text that
		// cannot be the start of a message now, not when a line that never comes is complete. It is counted
		// as noise only once its line ends. Only the line's first chunk decides, so a long message costs nothing.
		const head = this.pending[0];
		if (head !== undefined && !MESSAGE_START_OR_BLANK.test(head)) this.spec.onOutput?.(this.pendingTail(), 'stdout');
	}

	/** The last {@link KEEP} characters of the unfinished line, without joining all of it. */
	private pendingTail(): string {
		let tail = '';
		for (let i = this.pending.length - 1; i >= 0 && tail.length < KEEP; i--) tail = this.pending[i] + tail;
		return tail.slice(-KEEP);
	}

	private line(line: string): void {
		if (!line.trim()) return;
		const content = inspectLine(line);
		if ('invalid' in content) {
			this.fault(`the server sent ${content.invalid}`);
			return;
		}
		if ('noise' in content) {
			this.noise(line);
			return;
		}
		const glued = messageStart(line);
		if (glued > 0) this.noise(line.slice(0, glued)); // a banner printed without a newline
		const message = content.message;
		if ('method' in message && 'id' in message && ++this.serverRequests > MAX_SERVER_REQUESTS) {
			this.fault(`the server sent more than ${MAX_SERVER_REQUESTS} requests to the client (a flood)`);
			return;
		}
		this.onmessage?.(message);
	}

	/** Reports a protocol fault once and stops reading: nothing more the server says can be trusted to matter. */
	private fault(message: string): void {
		if (this.faulted) return;
		this.faulted = true;
		this.pending = [];
		this.pendingLength = 0;
		this.spec.onFault?.(message);
	}

	private noise(line: string): void {
		this.observed.noiseLines++;
		if (this.observed.noiseHead.length < KEEP)
			this.observed.noiseHead += `${line.slice(0, KEEP)}\n`.slice(0, KEEP - this.observed.noiseHead.length);
		this.spec.onOutput?.(line, 'stdout');
	}

	/** Writes one message as a line. */
	send(message: JSONRPCMessage): Promise<void> {
		return new Promise((resolve, reject) => {
			const stdin = this.child?.stdin;
			if (!stdin || this.closed || stdin.destroyed) return reject(new Error('the server is not running'));
			// Replies to a server that sends but never reads would pile up in our memory.
			if (stdin.writableLength > MAX_UNREAD) {
				this.fault(`the server left over ${MAX_UNREAD >> 20} MiB of messages unread on its stdin`);
				return reject(new Error('the server does not read its stdin'));
			}
			stdin.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()));
		});
	}

	/** The process id of the sandbox (its process group leader). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Kills the whole process group at once: no grace period for untrusted code. */
	async close(): Promise<void> {
		const pid = this.child?.pid;
		if (!this.closed) this.closedByUs = true;
		if (pid && this.observed.exit === undefined) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		this.finish();
	}

	private finish(): void {
		if (this.closed) return;
		this.closed = true;
		const last = this.pending.join('');
		if (last.trim() && !this.faulted) this.noise(last); // a last line without newline is noise unless complete
		this.pending = [];
		this.pendingLength = 0;
		this.onclose?.();
	}
}
