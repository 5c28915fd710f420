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

/** Largest stdout line accepted (tools/list answers reach 1 MB; the SDK's own limit is 10 MB). */
const MAX_LINE = 16 * 1024 * 1024;
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
}

/** Parses one stdout line as a JSON-RPC message, recovering one glued after a banner; undefined if none. */
export function parseLine(line: string): JSONRPCMessage | undefined {
	const attempt = (text: string) => {
		try {
			const parsed = JSONRPCMessageSchema.safeParse(JSON.parse(text));
			return parsed.success ? parsed.data : undefined;
		} catch {
			return undefined;
		}
	};
	const direct = attempt(line);
	if (direct) return direct;
	// A banner glued in front: try the text from each later "{" (a few, so a long junk line stays cheap).
	for (let at = line.indexOf('{', 1), tries = 0; at !== -1 && tries < 20; at = line.indexOf('{', at + 1), tries++) {
		const message = attempt(line.slice(at));
		if (message) return message;
	}
	return undefined;
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
	private child?: ChildProcess;
	private buffer = '';
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
		this.buffer += chunk;
		if (this.buffer.length > MAX_LINE) {
			this.onerror?.(new Error(`stdout line longer than ${MAX_LINE} bytes`));
			this.buffer = '';
		}
		let newline: number;
		while ((newline = this.buffer.indexOf('\n')) !== -1) {
			const line = this.buffer.slice(0, newline).replace(/\r$/, '');
			this.buffer = this.buffer.slice(newline + 1);
			if (!line.trim()) continue;
			const message = parseLine(line);
			if (!message) this.noise(line);
			else {
				const glued = messageStart(line);
				if (glued > 0) this.noise(line.slice(0, glued)); // a banner printed without a newline
				this.onmessage?.(message);
			}
		}
		// A prompt ("Enter your API key: ") ends without a newline and then waits: let detection see text that
		// cannot be the start of a message now, not when a line that never comes is complete. It is counted
		// as noise only once its line ends.
		// Anchored, so a long message arriving in many chunks costs only its leading whitespace per chunk.
		if (!MESSAGE_START_OR_BLANK.test(this.buffer)) this.spec.onOutput?.(this.buffer.slice(-KEEP), 'stdout');
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
		if (this.buffer.trim()) this.noise(this.buffer); // a last line without newline is noise unless complete
		this.buffer = '';
		this.onclose?.();
	}
}
