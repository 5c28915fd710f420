/**
 * Word lists the classifier matches against, built once at module load into lookup maps.
 *
 * The lists follow the research rubric (security-research.md §6.3, Appendix A) with deliberate
 * changes: interpreter names (node, python, docker…) are not verbs, because `list_nodes` must not read
 * as "run node"; revoke/ban are access changes rather than deletions; block/allow are ordinary writes
 * so that a firewall or blocklist entry is labelled like `add_firewall_rule`.
 */
import type { Category } from '../catalogue/schema.ts';

/** Verbs whose category depends on the object they act on. */
export type VerbContext = 'start' | 'stop' | 'transfer' | 'drop' | 'apply';

/** What one verb means for the classifier. */
export interface VerbInfo {
	/** The dictionary form, e.g. `delete` for `deleting`. */
	readonly base: string;
	readonly category: Category;
	/** Sends something to a recipient (send, email, notify…). */
	readonly egress: boolean;
	/** Changes who may access what (grant, revoke, invite…). */
	readonly access: boolean;
	/** Interrupts availability without destroying anything (stop, restart, disable…). */
	readonly availability: boolean;
	/** Also a common noun (`log`, `message`, `tag`), so it counts as a verb only when nothing better is found. */
	readonly ambiguous: boolean;
	/** Starts paid compute (deploy, provision, scale…). */
	readonly cost: boolean;
	readonly context?: VerbContext;
}

const READ_VERBS = [
	'get', 'list', 'read', 'fetch', 'search', 'find', 'query', 'lookup', 'look', 'show', 'describe', 'view',
	'inspect', 'retrieve', 'check', 'count', 'browse', 'cat', 'preview', 'summarize', 'summarise', 'analyze',
	'analyse', 'explain', 'validate', 'verify', 'lint', 'diff', 'compare', 'status', 'info', 'stat', 'stats',
	'peek', 'poll', 'monitor', 'watch', 'resolve', 'estimate', 'calculate', 'calc', 'convert', 'parse', 'format',
	'render', 'translate', 'print', 'echo', 'ping', 'health', 'whoami', 'explore', 'discover', 'recommend',
	'suggest', 'trace', 'audit', 'load', 'open', 'scan', 'detect', 'classify', 'extract', 'measure', 'test',
	'download', 'export', 'generate', 'screenshot', 'snapshot', 'capture', 'evaluate', 'sort', 'filter',
	'metrics', 'details', 'overview', 'recap', 'summary', 'diagnose', 'return', 'display', 'provide', 'plan', 'scrape',
	'crawl', 'aggregate', 'wait',
];

const WRITE_VERBS = [
	'create', 'add', 'insert', 'new', 'make', 'put', 'set', 'update', 'upsert', 'edit', 'modify', 'patch',
	'change', 'rename', 'move', 'copy', 'duplicate', 'write', 'save', 'store', 'upload', 'append', 'attach',
	'assign', 'unassign', 'label', 'tag', 'untag', 'comment', 'reply', 'react', 'star', 'unstar', 'follow',
	'unfollow', 'subscribe', 'unsubscribe', 'enable', 'toggle', 'configure', 'config', 'register', 'schedule',
	'book', 'reserve', 'import', 'sync', 'link', 'connect', 'disconnect', 'fork', 'clone', 'checkout', 'branch',
	'commit', 'push', 'merge', 'approve', 'reject', 'close', 'reopen', 'lock', 'unlock', 'archive', 'unarchive',
	'restore', 'mark', 'dismiss', 'acknowledge', 'ack', 'transition', 'complete', 'submit', 'draft', 'pin',
	'unpin', 'mute', 'unmute', 'record', 'log', 'track', 'increment', 'decrement', 'vote', 'like', 'rate',
	'review', 'sign', 'request', 'share', 'publish', 'post', 'send', 'email', 'mail', 'message', 'notify', 'tweet',
	'forward', 'broadcast', 'announce', 'sms', 'dm', 'manage', 'block', 'unblock', 'allow', 'reorder', 'extend',
	'renew', 'fix', 'backup', 'finalize', 'kick', 'end', 'grant', 'revoke', 'invite', 'ban', 'unban', 'impersonate',
	'elevate', 'authorize', 'deauthorize', 'promote', 'demote', 'transfer', 'resume', 'overwrite', 'replace', 'resize',
	'emulate', 'handle',
];

const EXECUTE_VERBS = [
	'execute', 'exec', 'run', 'eval', 'invoke', 'call', 'trigger', 'dispatch', 'start', 'launch', 'spawn',
	'interpret', 'compile', 'build', 'deploy', 'redeploy', 'apply', 'provision', 'install', 'automate', 'scale',
	'rollout', 'reload', 'play', 'replay', 'navigate', 'click', 'fill', 'press', 'hover', 'drag', 'goto', 'scroll',
	'tap', 'type', 'select', 'migrate',
];

const DESTRUCTIVE_VERBS = [
	'delete', 'del', 'remove', 'rm', 'rmdir', 'destroy', 'drop', 'truncate', 'purge', 'wipe', 'erase', 'clear',
	'reset', 'revert', 'rollback', 'terminate', 'kill', 'abort', 'uninstall', 'unpublish', 'yank', 'shred',
	'evict', 'deregister', 'unregister', 'decommission', 'expire', 'empty', 'flush', 'prune', 'cleanup', 'clean',
	'trash', 'discard', 'abandon', 'burn', 'liquidate', 'unlink', 'detach', 'void', 'cancel', 'stop', 'halt',
	'shutdown', 'reboot', 'restart', 'suspend', 'deactivate', 'disable', 'pause', 'disassociate',
];

/** Money-moving verbs (not billing configuration): these make a tool Financial. */
const FINANCIAL_VERBS = [
	'pay', 'charge', 'refund', 'purchase', 'buy', 'sell', 'withdraw', 'trade', 'swap', 'bid', 'stake', 'mint',
	'payout', 'donate', 'tip', 'remit',
];

const EGRESS_VERBS = new Set([
	'send', 'email', 'mail', 'message', 'notify', 'post', 'publish', 'tweet', 'broadcast', 'announce', 'forward',
	'reply', 'share', 'invite', 'sms', 'dm',
]);
const ACCESS_VERBS = new Set([
	'grant', 'revoke', 'invite', 'ban', 'unban', 'impersonate', 'elevate', 'authorize', 'deauthorize', 'promote', 'demote',
]);
/** Reversible interruptions: the thing still exists afterwards (research rule D5). */
const AVAILABILITY_VERBS = new Set([
	'stop', 'halt', 'shutdown', 'reboot', 'restart', 'suspend', 'deactivate', 'disable', 'pause', 'kill', 'abort',
]);
/** Verbs that are just as often nouns; `members_get_by_email` must read as "get", not "email". */
const AMBIGUOUS_VERBS = new Set([
	'email', 'mail', 'message', 'post', 'log', 'record', 'tag', 'label', 'comment', 'draft', 'book', 'star', 'link',
	'branch', 'commit', 'pin', 'vote', 'like', 'rate', 'review', 'request', 'sign', 'track', 'mark', 'config',
	'status', 'info', 'stat', 'stats', 'health', 'test', 'type', 'select', 'backup', 'snapshot', 'screenshot',
	'capture', 'trace', 'audit', 'cat', 'print', 'echo', 'count', 'watch', 'monitor', 'diff', 'format', 'filter',
	'sort', 'schedule', 'archive', 'export', 'import', 'end', 'play', 'plan', 'forward', 'tip', 'dm', 'sms', 'metrics', 'details',
	'overview', 'recap', 'summary', 'new', 'empty', 'block', 'handle', 'wait', 'trade', 'call', 'display', 'return', 'scale', 'build',
	'view', 'check', 'run',
]);
const COST_VERBS = new Set(['deploy', 'redeploy', 'provision', 'scale', 'launch', 'spawn', 'build']);
const CONTEXT_VERBS: Readonly<Record<string, VerbContext>> = { start: 'start', stop: 'stop', pause: 'stop', halt: 'stop', transfer: 'transfer', drop: 'drop', apply: 'apply' };

function buildVerbs(): ReadonlyMap<string, VerbInfo> {
	const map = new Map<string, VerbInfo>();
	const lists: [Category, readonly string[]][] = [
		['Read', READ_VERBS],
		['Write', WRITE_VERBS],
		['Execute', EXECUTE_VERBS],
		['Destructive', DESTRUCTIVE_VERBS],
		['Financial', FINANCIAL_VERBS],
	];
	for (const [category, words] of lists) {
		for (const base of words) {
			// A word in two lists would make the result depend on list order; fail loudly instead.
			if (map.has(base)) throw new Error(`lexicon: verb "${base}" is listed twice`);
			const context = CONTEXT_VERBS[base];
			map.set(base, {
				base,
				category,
				egress: EGRESS_VERBS.has(base),
				access: ACCESS_VERBS.has(base),
				availability: AVAILABILITY_VERBS.has(base),
				ambiguous: AMBIGUOUS_VERBS.has(base),
				cost: COST_VERBS.has(base),
				...(context ? { context } : {}),
			});
		}
	}
	return map;
}

/** Every verb the classifier knows, by dictionary form. */
export const VERBS: ReadonlyMap<string, VerbInfo> = buildVerbs();

/** Noun classes; one noun may belong to several. */
export type NounClass =
	| 'minor'
	| 'content'
	| 'high-value'
	| 'session'
	| 'secret'
	| 'untrusted'
	| 'private'
	| 'access'
	| 'money'
	| 'billing'
	| 'runtime'
	| 'compute'
	| 'interpreter';

/** The object noun classes that set a destructive level; exactly one applies to a head noun. */
export type ObjectWeight = 'minor' | 'content' | 'high-value';

const NOUN_LISTS: Readonly<Record<NounClass, readonly string[]>> = {
	// Deleting these loses little and is easy to redo (research MINOR_NOUNS, plus counters and statistics).
	minor: [
		'label', 'tag', 'reaction', 'emoji', 'star', 'bookmark', 'favorite', 'favourite', 'pin', 'highlight',
		'watcher', 'subscriber', 'assignee', 'reviewer', 'notification', 'cache', 'selection', 'screen', 'tab',
		'filter', 'view', 'layout', 'sticker', 'draft', 'temp', 'tmp', 'scratch', 'cursor', 'breakpoint', 'counter',
		'stat', 'stats', 'statistic', 'metric', 'traffic', 'usage', 'reminder',
	],
	// Single pieces of content: a loss, but a bounded one.
	content: [
		'file', 'folder', 'directory', 'document', 'doc', 'page', 'note', 'message', 'email', 'mail', 'comment',
		'issue', 'ticket', 'task', 'card', 'record', 'row', 'item', 'entry', 'event', 'post', 'gist', 'thread',
		'discussion', 'attachment', 'object', 'blob', 'image', 'commit', 'migration', 'snippet', 'rule', 'alert',
		'test', 'action', 'macro', 'template', 'preset', 'route', 'alias', 'mapping', 'device', 'plugin', 'job',
		'lease', 'playlist', 'photo', 'video', 'asset', 'artifact', 'log', 'history', 'report', 'dashboard',
		'chart', 'widget', 'form', 'contact', 'list', 'version', 'revision', 'annotation', 'attribute', 'field',
		'column', 'reply', 'review', 'memory', 'observation', 'entity', 'relation', 'vector', 'embedding', 'branch',
	],
	// Losing one of these loses everything inside it, or someone's access.
	'high-value': [
		'repository', 'repo', 'project', 'organization', 'organisation', 'org', 'account', 'tenant', 'workspace',
		'team', 'database', 'db', 'schema', 'table', 'collection', 'index', 'bucket', 'storage', 'volume', 'disk',
		'backup', 'snapshot', 'cluster', 'namespace', 'node', 'instance', 'vm', 'server', 'host', 'droplet',
		'deployment', 'service', 'stack', 'environment', 'production', 'prod', 'domain', 'dns', 'zone',
		'certificate', 'cert', 'apikey', 'accesskey', 'secretkey', 'privatekey', 'sshkey', 'deploykey', 'signingkey',
		'encryptionkey', 'keypair', 'secret', 'token', 'credential', 'password', 'user', 'member', 'admin', 'role',
		'policy', 'permission', 'acl', 'firewall', 'vpc', 'network', 'release', 'package', 'registry', 'pipeline',
		'webhook', 'billing', 'invoice', 'wallet', 'mailbox', 'calendar', 'channel', 'site', 'app', 'application',
		'provider', 'container', 'function', 'queue', 'topic', 'group', 'customer',
	],
	// Live connections: closing them interrupts, it does not destroy (see rule session-termination).
	session: ['connection', 'session', 'client', 'socket'],
	secret: [
		'secret', 'credential', 'password', 'passwd', 'token', 'apikey', 'accesskey', 'secretkey', 'privatekey', 'sshkey',
		'deploykey', 'signingkey', 'encryptionkey', 'connectionkey', 'keypair', 'env', 'dotenv', 'vault', 'keychain',
		'keyring', 'cookie', 'jwt', 'kubeconfig', 'passphrase', 'mnemonic', 'seed_phrase',
	],
	// Content written by third parties, which may carry injected instructions.
	untrusted: [
		'web', 'webpage', 'page', 'url', 'website', 'html', 'internet', 'browser', 'scrape', 'crawl', 'rss', 'feed',
		'news', 'email', 'inbox', 'mail', 'message', 'chat', 'conversation', 'dm', 'thread', 'comment', 'issue',
		'pull', 'pr', 'review', 'discussion', 'post', 'tweet', 'social', 'forum', 'ticket', 'feedback', 'transcript',
		'log', 'readme', 'stream', 'notification', 'reply',
	],
	// Data that belongs to a person or organisation.
	private: [
		'email', 'inbox', 'mail', 'message', 'chat', 'dm', 'contact', 'calendar', 'event', 'document', 'file',
		'drive', 'note', 'row', 'record', 'customer', 'user', 'profile', 'patient', 'medical', 'bank', 'account',
		'transaction', 'invoice', 'payroll', 'employee', 'salary', 'address', 'location', 'history', 'log',
		'payment', 'charge', 'subscription', 'member', 'conversation', 'photo', 'order',
	],
	// Objects whose change alters who can do what.
	access: [
		'role', 'permission', 'member', 'membership', 'collaborator', 'acl', 'token', 'apikey', 'accesskey', 'sshkey', 'deploykey', 'password',
		'credential', 'ownership', 'owner', 'access', 'invitation', 'invite', 'mfa', 'visibility', 'grant', 'sharing',
	],
	// Nouns of money movement: writing one moves money.
	money: ['payment', 'payout', 'refund', 'charge', 'purchase', 'withdrawal', 'disbursement', 'transfer', 'remittance', 'donation'],
	// Billing configuration: touches money without moving it.
	billing: ['billing', 'invoice', 'price', 'pricing', 'coupon', 'discount', 'tax', 'budget', 'balance', 'credit'],
	// Things that run, so starting or stopping them is an operation on availability.
	runtime: [
		'job', 'workflow', 'pipeline', 'run', 'build', 'task', 'instance', 'vm', 'container', 'server', 'process',
		'crawl', 'scan', 'deployment', 'service', 'node', 'worker', 'machine', 'cluster', 'database', 'app',
		'application', 'host', 'daemon', 'agent', 'bot', 'stream', 'watcher', 'function', 'tunnel', 'vpn', 'proxy', 'pid',
	],
	// Paid compute that a create can start.
	compute: ['instance', 'vm', 'cluster', 'droplet', 'gpu', 'machine', 'pod'],
	// Tools named after a shell or interpreter run code even without a verb (`bash`, `python_repl`).
	interpreter: ['shell', 'bash', 'sh', 'zsh', 'powershell', 'pwsh', 'terminal', 'repl', 'python', 'javascript', 'js', 'sql', 'cmd', 'kubectl'],
};

function buildNouns(): ReadonlyMap<string, ReadonlySet<NounClass>> {
	const map = new Map<string, Set<NounClass>>();
	for (const cls of Object.keys(NOUN_LISTS).sort() as NounClass[]) {
		for (const word of NOUN_LISTS[cls]) {
			let set = map.get(word);
			if (!set) map.set(word, (set = new Set()));
			set.add(cls);
		}
	}
	for (const [word, set] of map) {
		const weights = (['minor', 'content', 'high-value'] as const).filter((w) => set.has(w));
		if (weights.length > 1) throw new Error(`lexicon: noun "${word}" has two object weights (${weights.join(', ')})`);
	}
	return map;
}

/** Every noun the classifier knows, with its classes. */
export const NOUNS: ReadonlyMap<string, ReadonlySet<NounClass>> = buildNouns();

/** Verbs that can mean "take out of a list or group" rather than "destroy" (see rule dissociation). */
export const DISSOCIATE_VERBS: ReadonlySet<string> = new Set(['remove', 'unlink', 'detach', 'unassign', 'disassociate']);

/** Data stores: removing something from one of these deletes it (`remove a file from the repository`). */
export const STORAGE_NOUNS: ReadonlySet<string> = new Set([
	'repository', 'repo', 'disk', 'bucket', 'database', 'db', 'storage', 'drive', 'folder', 'directory', 'filesystem', 'fs',
	'table', 'collection', 'index', 'volume', 'server', 'host', 'machine', 'vm', 'system', 'store', 'cloud', 'history',
]);

/**
 * Verbs that say a tool runs one of several operations chosen by a parameter (`manage_labels(action)`),
 * as opposed to a specific verb (`add_health_check(action)`) whose `action` is a field of what it creates.
 */
export const MULTIPLEX_VERBS: ReadonlySet<string> = new Set(['manage', 'apply', 'execute', 'exec', 'run', 'write', 'modify', 'invoke', 'call', 'dispatch']);

/** Things that run and end: killing or terminating one interrupts work but deletes nothing stored. */
export const PROCESS_NOUNS: ReadonlySet<string> = new Set([
	'process', 'job', 'task', 'run', 'build', 'workflow', 'query', 'operation', 'thread', 'worker', 'execution', 'command',
	'script', 'pid', 'container',
]);

/** Verbs that end something running; on a process they interrupt rather than destroy. */
export const ENDING_VERBS: ReadonlySet<string> = new Set(['terminate', 'kill', 'abort', 'cancel']);

/** Name words that put a tool in a browser or UI, where "drop" is a mouse action, not a deletion. */
export const UI_WORDS: ReadonlySet<string> = new Set(['browser', 'page', 'element', 'mouse', 'ui', 'dom', 'tab', 'window', 'screen', 'playwright', 'puppeteer', 'selenium']);

/** What "apply" applies when it is an operation (research C-AMB-apply); applying edits is a plain write. */
export const APPLY_OBJECTS: ReadonlySet<string> = new Set([
	'manifest', 'plan', 'terraform', 'migration', 'config', 'configuration', 'patch', 'change', 'changes', 'deployment',
	'template', 'settings', 'resource', 'state', 'stack', 'policy',
]);

/** Name tokens that say "many objects at once". */
export const BULK_WORDS: ReadonlySet<string> = new Set(['all', 'bulk', 'batch', 'multiple', 'mass', 'every', 'many']);

/** Words that end the object phrase of a name: in `remove_label_from_issue` the object is the label. */
export const PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'for', 'from', 'with', 'in', 'on', 'of', 'to', 'into', 'at', 'via', 'as', 'and', 'or', 'per']);

/** Server-slug parts too generic to drop from tool names (`acme-mcp-server` must not eat `server`). */
export const GENERIC_SLUG_PARTS: ReadonlySet<string> = new Set([
	'mcp', 'server', 'servers', 'api', 'service', 'services', 'tool', 'tools', 'client', 'app', 'the', 'and', 'official', 'io', 'ai', 'js', 'py', 'sdk', 'cli',
]);

/** Plural forms that must not be stemmed into a verb or noun they are not (`news` is not `new`). */
export const NO_STEM: ReadonlySet<string> = new Set(['news', 'status', 'stats', 'series', 'species', 'alias', 'canvas', 'analysis', 'access', 'address', 'process', 'class', 'bus', 'gas', 'https', 'dns', 'sms', 'metrics', 'details']);
