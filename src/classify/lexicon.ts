/**
 * Word lists the classifier matches against, built once at module load into lookup maps.
 *
 * The lists follow the research rubric (security-research.md §6.3, Appendix A) with deliberate
 * changes: interpreter names (node, python, docker…) are not verbs, because `list_nodes` must not read
 * as "run node"; revoke/ban are access changes rather than deletions; block/allow are ordinary writes
 * so that a firewall or blocklist entry is labelled like `add_firewall_rule`.
 */
import type { Category } from '../catalogue/schema.ts';

/** Verbs whose category depends on the object they act on (see `resolveVerb` in category.ts). */
export type VerbContext =
	| 'start'
	| 'stop'
	| 'transfer'
	| 'drop'
	| 'apply'
	| 'open'
	| 'resolve'
	| 'cancel'
	| 'reset'
	| 'push'
	| 'trigger'
	| 'run'
	| 'select'
	| 'arrange'
	| 'test'
	| 'generate'
	| 'block'
	| 'build'
	| 'mint'
	| 'deploy'
	| 'ui';

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
	/**
	 * The MCP spec's "additive update": a Write that only adds something new (create, append, send,
	 * link…) or an Execute verb that only brings something new into being or running (install, launch,
	 * boot, build…). Every other write changes, replaces or removes what exists (update, set, move,
	 * toggle…) and may destroy it, the hint's default; see `textHints` in hints.ts.
	 */
	readonly additive: boolean;
	readonly context?: VerbContext;
}

const READ_VERBS = [
	'get',
	'list',
	'read',
	'fetch',
	'search',
	'find',
	'query',
	'lookup',
	'look',
	'show',
	'describe',
	'view',
	'inspect',
	'retrieve',
	'check',
	'count',
	'browse',
	'cat',
	'preview',
	'summarize',
	'summarise',
	'analyze',
	'analyse',
	'explain',
	'validate',
	'verify',
	'lint',
	'diff',
	'compare',
	'status',
	'info',
	'stat',
	'stats',
	'peek',
	'poll',
	'monitor',
	'watch',
	'resolve',
	'estimate',
	'calculate',
	'calc',
	'convert',
	'parse',
	'format',
	'render',
	'translate',
	'print',
	'echo',
	'ping',
	'health',
	'whoami',
	'explore',
	'discover',
	'recommend',
	'suggest',
	'trace',
	'audit',
	'load',
	'open',
	'scan',
	'detect',
	'classify',
	'extract',
	'measure',
	'test',
	'download',
	'export',
	'generate',
	'screenshot',
	'snapshot',
	'capture',
	'evaluate',
	'sort',
	'filter',
	'metrics',
	'details',
	'overview',
	'recap',
	'summary',
	'diagnose',
	'return',
	'display',
	'provide',
	'plan',
	'scrape',
	'crawl',
	'aggregate',
	'wait',
	'think',
	'reflect',
	'brainstorm',
	'map',
	'research',
	'recall',
	'ask',
	'compute',
	'simplify',
	'optimize',
	'optimise',
	'solve',
	'rank',
	'score',
	'reader',
	'viewer',
	'fetcher',
	'answer',
	'propose',
	'finder',
	'searcher',
	'checker',
	'validator',
	'analyzer',
	'analyser',
	'inspector',
	'encode',
	'decode',
	'obtain',
	'dump',
	'locate',
	'is',
	'has',
	'exists',
	'geocode',
	'investigate',
];

const WRITE_VERBS = [
	'create',
	'add',
	'insert',
	'new',
	'make',
	'put',
	'set',
	'update',
	'upsert',
	'edit',
	'modify',
	'patch',
	'change',
	'rename',
	'move',
	'copy',
	'duplicate',
	'write',
	'save',
	'store',
	'upload',
	'append',
	'attach',
	'assign',
	'unassign',
	'label',
	'tag',
	'untag',
	'comment',
	'reply',
	'react',
	'star',
	'unstar',
	'follow',
	'unfollow',
	'subscribe',
	'unsubscribe',
	'enable',
	'toggle',
	'configure',
	'config',
	'register',
	'schedule',
	'book',
	'reserve',
	'import',
	'sync',
	'link',
	'connect',
	'disconnect',
	'fork',
	'clone',
	'checkout',
	'branch',
	'commit',
	'push',
	'merge',
	'approve',
	'reject',
	'close',
	'reopen',
	'lock',
	'unlock',
	'archive',
	'unarchive',
	'restore',
	'mark',
	'dismiss',
	'acknowledge',
	'ack',
	'transition',
	'complete',
	'submit',
	'draft',
	'pin',
	'unpin',
	'mute',
	'unmute',
	'record',
	'log',
	'track',
	'increment',
	'decrement',
	'vote',
	'like',
	'rate',
	'review',
	'sign',
	'request',
	'share',
	'publish',
	'post',
	'send',
	'email',
	'mail',
	'message',
	'notify',
	'tweet',
	'forward',
	'broadcast',
	'announce',
	'sms',
	'dm',
	'manage',
	'block',
	'unblock',
	'allow',
	'reorder',
	'extend',
	'renew',
	'fix',
	'backup',
	'finalize',
	'kick',
	'end',
	'grant',
	'revoke',
	'invite',
	'ban',
	'unban',
	'impersonate',
	'elevate',
	'authorize',
	'deauthorize',
	'promote',
	'demote',
	'transfer',
	'resume',
	'overwrite',
	'replace',
	'resize',
	'emulate',
	'handle',
	'accept',
	'rotate',
	'regenerate',
	'remember',
	'give',
	'compress',
	'zip',
	'gzip',
	'unzip',
	'decompress',
	'activate',
	'switch',
	'begin',
	'emit',
	'enroll',
	'enrol',
	'ingest',
	'initialize',
	'initialise',
	'init',
	'scaffold',
	'upgrade',
	'unmerge',
	'repair',
	'rebase',
	'pull',
	'train',
	'decline',
	// Installing software or a plugin adds it; what it later runs is its own tool's business.
	'install',
	// Steps that change only what a page or screen shows or holds (see INTERFACE_STATE_VERBS).
	'fill',
	'hover',
	'scroll',
	'type',
	'pinch',
	'zoom',
	'go',
];

const EXECUTE_VERBS = [
	'execute',
	'exec',
	'run',
	'eval',
	'evals',
	'invoke',
	'call',
	'trigger',
	'dispatch',
	'start',
	'launch',
	'spawn',
	'interpret',
	'compile',
	'build',
	'deploy',
	'redeploy',
	'apply',
	'provision',
	'automate',
	'scale',
	'rollout',
	'reload',
	'play',
	'replay',
	'navigate',
	'click',
	'press',
	'drag',
	'goto',
	'tap',
	'select',
	'migrate',
	'boot',
	'swipe',
	'retry',
];

const DESTRUCTIVE_VERBS = [
	'delete',
	'del',
	'remove',
	'rm',
	'rmdir',
	'destroy',
	'drop',
	'truncate',
	'purge',
	'wipe',
	'erase',
	'clear',
	'reset',
	'revert',
	'rollback',
	'terminate',
	'kill',
	'abort',
	'uninstall',
	'unpublish',
	'yank',
	'shred',
	'evict',
	'deregister',
	'unregister',
	'decommission',
	'expire',
	'empty',
	'flush',
	'prune',
	'cleanup',
	'clean',
	'trash',
	'discard',
	'abandon',
	'burn',
	'liquidate',
	'unlink',
	'detach',
	'void',
	'cancel',
	'stop',
	'halt',
	'shutdown',
	'reboot',
	'restart',
	'suspend',
	'deactivate',
	'disable',
	'pause',
	'disassociate',
];

/** Money-moving verbs (not billing configuration): these make a tool Financial. */
const FINANCIAL_VERBS = [
	'pay',
	'charge',
	'refund',
	'purchase',
	'buy',
	'sell',
	'withdraw',
	'trade',
	'swap',
	'bid',
	'stake',
	'mint',
	'payout',
	'donate',
	'tip',
	'remit',
];

const EGRESS_VERBS = new Set([
	'send',
	'email',
	'mail',
	'message',
	'notify',
	'post',
	'publish',
	'tweet',
	'broadcast',
	'announce',
	'forward',
	'reply',
	'share',
	'invite',
	'sms',
	'dm',
]);
const ACCESS_VERBS = new Set([
	'grant',
	'revoke',
	'invite',
	'ban',
	'unban',
	'impersonate',
	'elevate',
	'authorize',
	'deauthorize',
	'promote',
	'demote',
]);
/** Reversible interruptions: the thing still exists afterwards (research rule D5). */
const AVAILABILITY_VERBS = new Set([
	'stop',
	'halt',
	'shutdown',
	'reboot',
	'restart',
	'suspend',
	'deactivate',
	'disable',
	'pause',
	'kill',
	'abort',
]);
/** Verbs that are just as often nouns; `members_get_by_email` must read as "get", not "email". */
const AMBIGUOUS_VERBS = new Set([
	'email',
	'mail',
	'message',
	'post',
	'log',
	'record',
	'tag',
	'label',
	'comment',
	'draft',
	'book',
	'star',
	'link',
	'branch',
	'commit',
	'pin',
	'vote',
	'like',
	'rate',
	'review',
	'request',
	'sign',
	'track',
	'mark',
	'config',
	'status',
	'info',
	'stat',
	'stats',
	'health',
	'test',
	'type',
	'select',
	'backup',
	'snapshot',
	'screenshot',
	'capture',
	'trace',
	'audit',
	'cat',
	'print',
	'echo',
	'count',
	'watch',
	'monitor',
	'diff',
	'format',
	'filter',
	'sort',
	'schedule',
	'archive',
	'export',
	'import',
	'end',
	'play',
	'plan',
	'forward',
	'tip',
	'dm',
	'sms',
	'metrics',
	'details',
	'overview',
	'recap',
	'summary',
	'new',
	'empty',
	'block',
	'handle',
	'wait',
	'trade',
	'call',
	'display',
	'return',
	'scale',
	'build',
	'view',
	'check',
	'run',
	'map',
	'is',
	'has',
	'exists',
	'pull',
	'train',
	// Money words that name a record as often as an act: `purchase_order_list`, `refunds_list`, `charge_get`.
	'purchase',
	'charge',
	'refund',
	'payout',
	'bid',
	'stake',
	'swap',
]);
/**
 * Writes that only add (see `VerbInfo.additive`): they create, append, send, copy or attach something
 * new and leave what exists as it was. Switches (toggle, enable, lock, archive, mark…) are not here:
 * they change the state of something that exists, which is not an additive update, however easy it
 * is to flip back. Every other Write verb is taken to change, replace or remove what exists.
 */
const ADDITIVE_WRITES = new Set([
	'create',
	'add',
	'insert',
	'new',
	'make',
	'append',
	'attach',
	'comment',
	'reply',
	'react',
	'star',
	'follow',
	'subscribe',
	'register',
	'schedule',
	'book',
	'reserve',
	'import',
	'fork',
	'clone',
	'copy',
	'duplicate',
	'branch',
	'commit',
	'draft',
	'post',
	'send',
	'email',
	'mail',
	'message',
	'notify',
	'tweet',
	'forward',
	'broadcast',
	'announce',
	'sms',
	'dm',
	'share',
	'publish',
	'upload',
	'log',
	'record',
	'track',
	'vote',
	'like',
	'rate',
	'review',
	'sign',
	'request',
	'invite',
	'backup',
	'tag',
	'label',
	'pin',
	'submit',
	'give',
	'compress',
	'zip',
	'gzip',
	'remember',
	'link',
	'assign',
	'emit',
	'enroll',
	'enrol',
	'ingest',
	'initialize',
	'initialise',
	'init',
	'scaffold',
	// Changing what a page shows (hovering, scrolling, zooming, going back) changes nothing that is kept.
	'hover',
	'scroll',
	'zoom',
	'pinch',
	'go',
	'install',
]);
/**
 * Operations that only bring something new into being or running: provisioning,
 * launching or booting an app or a machine, building artifacts. They are Execute tools (they run
 * something), but what already exists is left as it was. Deploy, apply, migrate, rollout and scale
 * are not here: they replace what runs.
 */
const ADDITIVE_OPERATIONS = new Set(['launch', 'boot', 'spawn', 'provision', 'build', 'compile', 'start']);
/**
 * Verbs that flip a stored setting (see `ADDITIVE_WRITES`). `disable` and `deactivate` are also
 * availability verbs for the level rules, but unlike stop or restart they change stored
 * configuration, so they are not mere interruptions for the destructive hint.
 */
export const SWITCH_VERBS: ReadonlySet<string> = new Set([
	'toggle',
	'enable',
	'disable',
	'activate',
	'deactivate',
	'switch',
	'lock',
	'unlock',
	'mute',
	'unmute',
	'mark',
	'archive',
	'unarchive',
	'acknowledge',
	'ack',
]);
const COST_VERBS = new Set(['deploy', 'redeploy', 'provision', 'scale', 'launch', 'spawn', 'build']);
const CONTEXT_VERBS: Readonly<Record<string, VerbContext>> = {
	start: 'start',
	begin: 'start',
	stop: 'stop',
	pause: 'stop',
	halt: 'stop',
	transfer: 'transfer',
	drop: 'drop',
	apply: 'apply',
	open: 'open',
	resolve: 'resolve',
	cancel: 'cancel',
	reset: 'reset',
	push: 'push',
	trigger: 'trigger',
	run: 'run',
	upload: 'ui',
	submit: 'ui',
	handle: 'ui',
	accept: 'ui',
	dismiss: 'ui',
	select: 'select',
	format: 'arrange',
	sort: 'arrange',
	test: 'test',
	generate: 'generate',
	block: 'block',
	build: 'build',
	mint: 'mint',
	deploy: 'deploy',
};

function buildVerbs(): ReadonlyMap<string, VerbInfo> {
	const map = new Map<string, VerbInfo>();
	const lists: [Category, readonly string[]][] = [
		['Read', READ_VERBS],
		['Write', WRITE_VERBS],
		['Execute', EXECUTE_VERBS],
		['Destructive', DESTRUCTIVE_VERBS],
		['Financial', FINANCIAL_VERBS],
	];
	for (const word of ADDITIVE_WRITES)
		if (!WRITE_VERBS.includes(word)) throw new Error(`lexicon: additive verb "${word}" is not a Write verb`);
	for (const word of ADDITIVE_OPERATIONS)
		if (!EXECUTE_VERBS.includes(word)) throw new Error(`lexicon: additive operation "${word}" is not an Execute verb`);
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
				additive:
					(category === 'Write' && ADDITIVE_WRITES.has(base)) ||
					(category === 'Execute' && ADDITIVE_OPERATIONS.has(base)),
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
		'label',
		'tag',
		'reaction',
		'emoji',
		'star',
		'bookmark',
		'favorite',
		'favourite',
		'pin',
		'highlight',
		'watcher',
		'subscriber',
		'assignee',
		'reviewer',
		'notification',
		'cache',
		'selection',
		'screen',
		'tab',
		'filter',
		'view',
		'layout',
		'sticker',
		'draft',
		'temp',
		'tmp',
		'scratch',
		'cursor',
		'breakpoint',
		'counter',
		'stat',
		'stats',
		'statistic',
		'metric',
		'traffic',
		'usage',
		'reminder',
		// Parts of a canvas, a design or a page layout: one is redrawn in a moment.
		'element',
		'shape',
		'edge',
		'connector',
		'padding',
		'margin',
		'background',
		'color',
		'colour',
		'font',
		'border',
	],
	// Single pieces of content: a loss, but a bounded one.
	content: [
		'file',
		'folder',
		'directory',
		'document',
		'doc',
		'page',
		'note',
		'message',
		'email',
		'mail',
		'comment',
		'issue',
		'ticket',
		'task',
		'card',
		'record',
		'row',
		'item',
		'entry',
		'event',
		'post',
		'gist',
		'thread',
		'discussion',
		'attachment',
		'object',
		'blob',
		'image',
		'commit',
		'migration',
		'snippet',
		'rule',
		'alert',
		'test',
		'action',
		'macro',
		'template',
		'preset',
		'route',
		'alias',
		'mapping',
		'device',
		'plugin',
		'job',
		'lease',
		'playlist',
		'photo',
		'video',
		'asset',
		'artifact',
		'log',
		'history',
		'report',
		'dashboard',
		'chart',
		'widget',
		'form',
		'contact',
		'list',
		'version',
		'revision',
		'annotation',
		'attribute',
		'field',
		'column',
		'reply',
		'review',
		'memory',
		'observation',
		'entity',
		'relation',
		'vector',
		'embedding',
		'branch',
		'block',
		'sheet',
		'worksheet',
		'slide',
		'spreadsheet',
		'presentation',
		// A webhook is one endpoint registration, made again from its URL.
		'webhook',
	],
	// Losing one of these loses everything inside it, or someone's access.
	'high-value': [
		'repository',
		'repo',
		'project',
		'organization',
		'organisation',
		'org',
		'account',
		'tenant',
		'workspace',
		'team',
		'database',
		'db',
		'schema',
		'table',
		'collection',
		'index',
		'bucket',
		'storage',
		'volume',
		'disk',
		'backup',
		'snapshot',
		'cluster',
		'namespace',
		'node',
		'instance',
		'vm',
		'server',
		'host',
		'droplet',
		'deployment',
		'service',
		'stack',
		'environment',
		'production',
		'prod',
		'domain',
		'dns',
		'zone',
		'certificate',
		'cert',
		'apikey',
		'accesskey',
		'secretkey',
		'privatekey',
		'sshkey',
		'deploykey',
		'signingkey',
		'encryptionkey',
		'keypair',
		'secret',
		'token',
		'credential',
		'password',
		'user',
		'member',
		'admin',
		'role',
		'policy',
		'permission',
		'acl',
		'firewall',
		'vpc',
		'network',
		'release',
		'package',
		'registry',
		'pipeline',
		'billing',
		'invoice',
		'wallet',
		'mailbox',
		'calendar',
		'channel',
		'site',
		'app',
		'application',
		'provider',
		'container',
		'function',
		'queue',
		'topic',
		'group',
		'customer',
	],
	// Live connections: closing them interrupts, it does not destroy (see rule session-termination).
	session: ['connection', 'session', 'client', 'socket'],
	secret: [
		'secret',
		'credential',
		'password',
		'passwd',
		'token',
		'apikey',
		'accesskey',
		'secretkey',
		'privatekey',
		'sshkey',
		'deploykey',
		'signingkey',
		'encryptionkey',
		'connectionkey',
		'keypair',
		'env',
		'dotenv',
		'vault',
		'keychain',
		'keyring',
		'cookie',
		'jwt',
		'kubeconfig',
		'passphrase',
		'mnemonic',
		'seed_phrase',
	],
	// Content written by third parties, which may carry injected instructions.
	untrusted: [
		'web',
		'webpage',
		'page',
		'url',
		'website',
		'html',
		'internet',
		'browser',
		'scrape',
		'crawl',
		'rss',
		'feed',
		'news',
		'email',
		'inbox',
		'mail',
		'message',
		'chat',
		'conversation',
		'dm',
		'thread',
		'comment',
		'issue',
		'pull',
		'pr',
		'review',
		'discussion',
		'post',
		'tweet',
		'social',
		'forum',
		'ticket',
		'feedback',
		'transcript',
		'log',
		'readme',
		'stream',
		'notification',
		'reply',
	],
	// Data that belongs to a person or organisation.
	private: [
		'email',
		'inbox',
		'mail',
		'message',
		'chat',
		'dm',
		'contact',
		'calendar',
		'event',
		'document',
		'file',
		'drive',
		'note',
		'row',
		'record',
		'customer',
		'user',
		'profile',
		'patient',
		'medical',
		'bank',
		'account',
		'transaction',
		'invoice',
		'payroll',
		'employee',
		'salary',
		'address',
		'location',
		'history',
		'log',
		'payment',
		'charge',
		'subscription',
		'member',
		'conversation',
		'photo',
		'order',
		// Private records of a team's own SaaS workspace: its sprints, workflows, activity and CRM pipeline.
		'sprint',
		'workflow',
		'activity',
		'mailbox',
		'lead',
		'deal',
		'opportunity',
		// A team's own telemetry, analytics and revenue, and a person's training record.
		'trace',
		'span',
		'telemetry',
		'analytics',
		'earnings',
		'revenue',
		'athlete',
		'workout',
	],
	// Objects whose change alters who can do what.
	access: [
		'role',
		'permission',
		'member',
		'membership',
		'collaborator',
		'acl',
		'token',
		'apikey',
		'accesskey',
		'sshkey',
		'deploykey',
		'password',
		'credential',
		'ownership',
		'owner',
		'access',
		'invitation',
		'invite',
		'mfa',
		'2fa',
		'otp',
		'visibility',
		'grant',
		'sharing',
	],
	// Nouns of money movement: writing one moves money.
	money: [
		'payment',
		'payout',
		'refund',
		'charge',
		'purchase',
		'withdrawal',
		'disbursement',
		'transfer',
		'remittance',
		'donation',
	],
	// Billing configuration: touches money without moving it.
	billing: ['billing', 'invoice', 'price', 'pricing', 'coupon', 'discount', 'tax', 'budget', 'balance', 'credit'],
	// Things that run, so starting or stopping them is an operation on availability.
	runtime: [
		'job',
		'workflow',
		'pipeline',
		'run',
		'build',
		'task',
		'instance',
		'vm',
		'container',
		'server',
		'process',
		'crawl',
		'scan',
		'deployment',
		'service',
		'node',
		'worker',
		'machine',
		'cluster',
		'database',
		'app',
		'application',
		'host',
		'daemon',
		'agent',
		'bot',
		'stream',
		'watcher',
		'function',
		'tunnel',
		'vpn',
		'proxy',
		'pid',
	],
	// Paid compute that a create can start.
	compute: ['instance', 'vm', 'cluster', 'droplet', 'gpu', 'machine', 'pod'],
	// Tools named after a shell or interpreter run code even without a verb (`bash`, `python_repl`).
	interpreter: [
		'shell',
		'bash',
		'sh',
		'zsh',
		'powershell',
		'pwsh',
		'terminal',
		'repl',
		'python',
		'javascript',
		'js',
		'sql',
		'cmd',
		'kubectl',
	],
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
export const DISSOCIATE_VERBS: ReadonlySet<string> = new Set([
	'remove',
	'unlink',
	'detach',
	'unassign',
	'disassociate',
]);

/** Data stores: removing something from one of these deletes it (`remove a file from the repository`). */
export const STORAGE_NOUNS: ReadonlySet<string> = new Set([
	'repository',
	'repo',
	'disk',
	'bucket',
	'database',
	'db',
	'storage',
	'drive',
	'folder',
	'directory',
	'filesystem',
	'fs',
	'table',
	'collection',
	'index',
	'volume',
	'server',
	'host',
	'machine',
	'vm',
	'system',
	'store',
	'cloud',
	'history',
]);

/**
 * Verbs that say a tool runs one of several operations chosen by a parameter (`manage_labels(action)`),
 * as opposed to a specific verb (`add_health_check(action)`) whose `action` is a field of what it creates.
 */
export const MULTIPLEX_VERBS: ReadonlySet<string> = new Set([
	'manage',
	'apply',
	'execute',
	'exec',
	'run',
	'write',
	'modify',
	'invoke',
	'call',
	'dispatch',
]);

/** Things that run and end: killing or terminating one interrupts work but deletes nothing stored. */
export const PROCESS_NOUNS: ReadonlySet<string> = new Set([
	'process',
	'job',
	'task',
	'run',
	'build',
	'workflow',
	'query',
	'operation',
	'thread',
	'worker',
	'execution',
	'command',
	'script',
	'pid',
	'container',
	'app',
	'application',
	'simulator',
	'sim',
	'emulator',
]);

/** Verbs that end something running; on a process they interrupt rather than destroy. */
export const ENDING_VERBS: ReadonlySet<string> = new Set(['terminate', 'kill', 'abort', 'cancel']);

/** Name words that put a tool in a browser or UI, where "drop" is a mouse action, not a deletion. */
export const UI_WORDS: ReadonlySet<string> = new Set([
	'browser',
	'page',
	'element',
	'mouse',
	'ui',
	'dom',
	'tab',
	'window',
	'screen',
	'playwright',
	'puppeteer',
	'selenium',
]);

/**
 * Third-party content nouns for what anyone can read on the public web: a Read tool on these is still
 * untrusted input, but reading public data is Low (rule untrusted-input raises only for content written
 * into someone's own space: messages, comments, issues, logs).
 */
export const PUBLIC_WEB_WORDS: ReadonlySet<string> = new Set([
	'web',
	'webpage',
	'url',
	'website',
	'html',
	'internet',
	'browser',
	'scrape',
	'crawl',
	'rss',
	'feed',
	'news',
	'transcript',
	'readme',
]);

/**
 * Verbs that act in an interface the way a person would (click, tap, press, drag, navigate): one
 * visible step on one page or screen, so the step itself is bounded, whatever the page then does.
 */
export const INTERFACE_VERBS: ReadonlySet<string> = new Set([
	'navigate',
	'click',
	'press',
	'drag',
	'goto',
	'tap',
	'swipe',
	// Answering a dialog the page put up is one more step on it.
	'handle',
	'accept',
	'dismiss',
]);

/**
 * Interface steps that only change what a page or screen shows or holds (hover, scroll, zoom, go back,
 * type into or fill a field, select an option): nothing is submitted, and the next step can undo it.
 * They are Write verbs; on an interface they make a Write Low (rule interface-action).
 */
export const INTERFACE_STATE_VERBS: ReadonlySet<string> = new Set([
	'fill',
	'hover',
	'scroll',
	'type',
	'select',
	'pinch',
	'zoom',
	'go',
]);

/** What "apply" applies when it is an operation (research C-AMB-apply); applying edits is a plain write. */
export const APPLY_OBJECTS: ReadonlySet<string> = new Set([
	'manifest',
	'plan',
	'terraform',
	'migration',
	'config',
	'configuration',
	'patch',
	'change',
	'changes',
	'deployment',
	'template',
	'settings',
	'resource',
	'state',
	'stack',
	'policy',
]);

/** Objects that make "open" a write (opening an issue files it) rather than a read (`open_nodes`). */
export const OPEN_WRITE_OBJECTS: ReadonlySet<string> = new Set([
	'issue',
	'ticket',
	'pr',
	'pull',
	'account',
	'case',
	'incident',
	'bug',
	'discussion',
	'position',
	'dispute',
]);

/** Objects that make "open" launch something (a URL, an app, a window) rather than read it. */
export const OPEN_LAUNCH_OBJECTS: ReadonlySet<string> = new Set([
	'url',
	'link',
	'browser',
	'tab',
	'window',
	'app',
	'application',
	'website',
	'terminal',
]);

/** Objects that make "resolve" close a case (a write) rather than look something up (`resolve_library_id`). */
const RESOLVE_WRITE_OBJECTS: ReadonlySet<string> = new Set([
	'issue',
	'incident',
	'alert',
	'thread',
	'conversation',
	'comment',
	'ticket',
	'case',
	'dispute',
	'conflict',
	'review',
	'discussion',
	'problem',
]);

/** Minor objects that are parts of a drawing: deleting one is redrawn in a moment (rule minor-object). */
export const CANVAS_PARTS: ReadonlySet<string> = new Set(['element', 'shape', 'edge', 'connector']);

/**
 * High-value objects that are issued rather than built: deleting a credential or a certificate breaks
 * whatever uses it until a new one is issued, but loses nothing that cannot be made again. Keys that
 * encrypt data or hold funds (private and encryption keys, key pairs) are not here: losing one loses what
 * it opens.
 */
export const REISSUABLE_CREDENTIALS: ReadonlySet<string> = new Set([
	'credential',
	'password',
	'token',
	'apikey',
	'accesskey',
	'secretkey',
	'sshkey',
	'deploykey',
	'signingkey',
	'secret',
	'certificate',
	'cert',
]);

/**
 * Things that run for one person's task and are started again at no cost: stopping one (an app on a
 * device, an agent's container, a workflow, a job) is a bounded interruption (rule availability-only).
 */
export const BOUNDED_RUNS: ReadonlySet<string> = new Set([
	'app',
	'application',
	'container',
	'agent',
	'bot',
	'workflow',
	'job',
	'run',
	'task',
	'build',
	'crawl',
	'scan',
	'stream',
	'recording',
	'watcher',
	'timer',
	'simulation',
	'animation',
	'playback',
	'scene',
]);

/**
 * What others depend on while it runs, or what may be anything at all: stopping a database, a server, a
 * device or an arbitrary process keeps the interruption at High.
 */
export const SHARED_RUNTIME: ReadonlySet<string> = new Set([
	'database',
	'db',
	'server',
	'cluster',
	'vm',
	'instance',
	'host',
	'machine',
	'droplet',
	'node',
	'service',
	'deployment',
	'production',
	'prod',
	'environment',
	'site',
	'website',
	'gateway',
	'process',
	'pid',
	'daemon',
	'system',
	'network',
	'tunnel',
	'vpn',
	'proxy',
	'device',
	'pipeline',
]);

/**
 * Objects that organise other things and hold nothing when new: creating one (a folder, a checkpoint, a
 * duplicate sheet, a type or an option to pick from) is as easily undone as done. Deleting one is
 * weighed by the object lists above, since by then it may hold much.
 */
export const ORGANISING_OBJECTS: ReadonlySet<string> = new Set([
	'folder',
	'directory',
	'checkpoint',
	'sheet',
	'worksheet',
	'tab',
	'type',
	'option',
	'category',
]);

/** Commitments whose cancellation is a loss, not an interruption: an order, a booking, a subscription. */
export const CANCEL_COMMITMENTS: ReadonlySet<string> = new Set([
	'subscription',
	'order',
	'booking',
	'reservation',
	'payment',
	'membership',
	'contract',
	'plan',
	'appointment',
	'meeting',
	'event',
	'invoice',
	'transfer',
	'account',
	'purchase',
	'transaction',
	'flight',
	'ticket',
]);

/** What "trigger" sends rather than runs: triggering an event publishes it to subscribers. */
const TRIGGER_PUBLISH_OBJECTS: ReadonlySet<string> = new Set([
	'event',
	'notification',
	'message',
	'alert',
	'signal',
	'broadcast',
]);

/**
 * What "deploy" publishes as files rather than runs: static HTML, pages, Markdown, assets. Deploying an
 * app, a service or a function runs code, an Execute operation.
 */
const STATIC_CONTENT: ReadonlySet<string> = new Set(['html', 'static', 'markdown', 'asset', 'content', 'page']);

/** What "run" produces rather than executes: running a report or a search reads. */
const RUN_READ_OBJECTS: ReadonlySet<string> = new Set([
	'report',
	'search',
	'lookup',
	'analysis',
	'query',
	'forecast',
	'aggregation',
	'audit',
	// Running a check produces findings: a code review, an accessibility scan, a diagnostic, a lint pass, read operations.
	'review',
	'scan',
	'check',
	'diagnostic',
	'diagnostics',
	'inspection',
	'lint',
	'read',
	// Running evaluations or a verification scores what exists and reports.
	'eval',
	'evals',
	'evaluation',
	'verification',
]);

/**
 * What "build" assembles and returns rather than compiles or deploys: a map, a graph, a report, a
 * query or a URL. Building anything else (an app, an image, a project) runs a build.
 */
const BUILT_RESULTS: ReadonlySet<string> = new Set([
	'map',
	'graph',
	'diagram',
	'report',
	'summary',
	'overview',
	'timeline',
	'outline',
	'tree',
	'query',
	'url',
	'prompt',
	'context',
	'matrix',
]);

/**
 * What "generate" creates as a resource on a service (a subdomain, an upload URL, an access token)
 * rather than returns as text. A random key or password is computed and returned, so it is not here.
 */
const GENERATED_RESOURCES: ReadonlySet<string> = new Set([
	'url',
	'link',
	'subdomain',
	'domain',
	'apikey',
	'token',
	'credential',
	'account',
	'invite',
	'invitation',
	'coupon',
	'invoice',
	'user',
	'webhook',
]);

/**
 * What "mint" makes that carries value: tokens, coins, NFTs. Minting anything else (a preview link, a
 * session) creates it, a plain additive write.
 */
export const MINTED_VALUE: ReadonlySet<string> = new Set([
	'token',
	'coin',
	'nft',
	'crypto',
	'cryptocurrency',
	'currency',
	'stablecoin',
	'erc20',
	'spl',
	'asset',
]);

/** What "block" shuts out (a user, an address); "blocks until the task completes" only waits. */
const BLOCKED_PARTIES: ReadonlySet<string> = new Set([
	'user',
	'ip',
	'address',
	'domain',
	'sender',
	'contact',
	'account',
	'number',
	'site',
	'email',
	'member',
	'url',
	'country',
	'device',
]);

/** Page controls that make "select" an interaction (`browser_select_option`) rather than picking what to work with (`select_page`). */
const SELECT_CONTROLS: ReadonlySet<string> = new Set([
	'option',
	'element',
	'dropdown',
	'checkbox',
	'radio',
	'menu',
	'text',
	'field',
	'button',
	'input',
]);

/** What "format" and "sort" change in place rather than return transformed: a spreadsheet range, a file. */
const ARRANGED_CONTENT: ReadonlySet<string> = new Set([
	'range',
	'cell',
	'sheet',
	'worksheet',
	'table',
	'column',
	'row',
	'document',
	'file',
	'disk',
	'drive',
	'partition',
	'volume',
]);

/** What "test" runs: a suite, an app or a build, rather than a connection it checks. */
const TESTED_CODE: ReadonlySet<string> = new Set([
	'test',
	'suite',
	'spec',
	'code',
	'app',
	'application',
	'project',
	'sim',
	'simulator',
	'device',
	'scheme',
	'build',
	'target',
	'package',
	'workflow',
]);

/** What a run checks rather than changes: running tests adds a test run and its results. */
export const TEST_RUN_OBJECTS: ReadonlySet<string> = new Set(['test', 'suite', 'spec', 'regression', 'testcase']);

/**
 * Context verbs that one object list decides (see `resolveVerb` in category.ts): the category when a
 * word of the object is in `objects`, and the category otherwise.
 */
export const OBJECT_CONTEXTS: Readonly<
	Partial<Record<VerbContext, { objects: ReadonlySet<string>; match: Category; otherwise: Category }>>
> = {
	resolve: { objects: RESOLVE_WRITE_OBJECTS, match: 'Write', otherwise: 'Read' },
	trigger: { objects: TRIGGER_PUBLISH_OBJECTS, match: 'Write', otherwise: 'Execute' },
	run: { objects: RUN_READ_OBJECTS, match: 'Read', otherwise: 'Execute' },
	select: { objects: SELECT_CONTROLS, match: 'Write', otherwise: 'Read' },
	arrange: { objects: ARRANGED_CONTENT, match: 'Write', otherwise: 'Read' },
	test: { objects: TESTED_CODE, match: 'Execute', otherwise: 'Read' },
	generate: { objects: GENERATED_RESOURCES, match: 'Write', otherwise: 'Read' },
	block: { objects: BLOCKED_PARTIES, match: 'Write', otherwise: 'Read' },
	build: { objects: BUILT_RESULTS, match: 'Read', otherwise: 'Execute' },
	deploy: { objects: STATIC_CONTENT, match: 'Write', otherwise: 'Execute' },
};

/**
 * Agent nouns that name what a tool is (`deploy_services_reader` reads deploy services): at the end
 * of a name of three or more words they are its verb, and the words before them are the object.
 */
export const AGENT_NOUNS: ReadonlySet<string> = new Set([
	'reader',
	'viewer',
	'fetcher',
	'finder',
	'searcher',
	'checker',
	'validator',
	'analyzer',
	'analyser',
	'inspector',
]);

/** What "transfer" hands to someone else: ownership of a repository or a domain changes access. */
export const TRANSFER_ACCESS_OBJECTS: ReadonlySet<string> = new Set([
	'ownership',
	'owner',
	'repository',
	'repo',
	'project',
	'domain',
	'account',
	'organization',
	'organisation',
	'org',
	'team',
	'workspace',
	'app',
]);

/**
 * Product names that camelCase splitting would cut into a verb and a word (`WordPress` → word, press;
 * `OpenAI` → open, AI; `SendGrid`, `SharePoint`, `DropBox`): `splitName` keeps them whole.
 */
export const CAMEL_PRODUCT_NAMES: ReadonlySet<string> = new Set([
	'wordpress',
	'paypal',
	'sendgrid',
	'mailchimp',
	'clickup',
	'launchdarkly',
	'posthog',
	'pushbullet',
	'sharepoint',
	'linkedin',
	'docusign',
	'typeform',
	'dropbox',
	'signnow',
	'runpod',
	'readme',
	'checkmarx',
	'zoominfo',
	'buildkite',
	'planetscale',
	'openai',
	'openapi',
	'openrouter',
	'quickbooks',
]);

/**
 * Write verbs that set a state rather than add to it: calling again with the same arguments changes
 * nothing more, the MCP idempotentHint. Toggles are left out (a second call flips back).
 */
export const IDEMPOTENT_VERBS: ReadonlySet<string> = new Set([
	'set',
	'update',
	'replace',
	'overwrite',
	'put',
	'upsert',
	'rename',
	'enable',
	'configure',
	'assign',
	'unassign',
	'mark',
	'lock',
	'unlock',
	'archive',
	'unarchive',
	'close',
	'reopen',
	'edit',
	'modify',
	'change',
	'save',
	'write',
	'patch',
]);

/** Name tokens that say "many objects at once". */
export const BULK_WORDS: ReadonlySet<string> = new Set(['all', 'bulk', 'batch', 'multiple', 'mass', 'every', 'many']);

/** Words that end the object phrase of a name: in `remove_label_from_issue` the object is the label. */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
	'by',
	'for',
	'from',
	'with',
	'in',
	'on',
	'of',
	'to',
	'into',
	'at',
	'via',
	'as',
	'and',
	'or',
	'per',
]);

/** Server-slug parts too generic to drop from tool names (`acme-mcp-server` must not eat `server`). */
export const GENERIC_SLUG_PARTS: ReadonlySet<string> = new Set([
	'mcp',
	'server',
	'servers',
	'api',
	'service',
	'services',
	'tool',
	'tools',
	'client',
	'app',
	'the',
	'and',
	'official',
	'io',
	'ai',
	'js',
	'py',
	'sdk',
	'cli',
]);

/** Plural forms that must not be stemmed into a verb or noun they are not (`news` is not `new`). */
export const NO_STEM: ReadonlySet<string> = new Set([
	'news',
	'status',
	'stats',
	'series',
	'species',
	'alias',
	'canvas',
	'analysis',
	'access',
	'address',
	'process',
	'class',
	'bus',
	'gas',
	'https',
	'dns',
	'sms',
	'metrics',
	'details',
]);
