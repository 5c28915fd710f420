/**
 * Proves each argument guard through the reference evaluator: argument sets that must pass and ones that
 * must be denied, including the usual bypasses (numeric and IPv6-mapped hosts, %2e%2e, mixed-case schemes).
 */
import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../src/policy/action.ts';
import { evaluateCall } from '../../src/policy/evaluate.ts';
import { guardsFor, notStartingWith, ROOT_PLACEHOLDER } from '../../src/policy/guards.ts';
import { policyForPlan } from '../../src/policy/recommend.ts';

const allow: ActionPlan = { action: 'allow', rule: 'P-low', because: 'test' };
const schema = (properties: Record<string, unknown>) => ({ type: 'object', properties });

/** A policy for one allowed tool with the guards its schema yields, and a call helper. */
function guarded(name: string, properties: Record<string, unknown>) {
	const guards = guardsFor({ name, inputSchema: schema(properties) });
	const policy = policyForPlan(name, allow, guards);
	return { guards, allowed: (args: Record<string, unknown>) => evaluateCall(policy, { tool: name, args }).allowed };
}

describe('URL guard', () => {
	const { guards, allowed } = guarded('fetch_url', { url: { type: 'string' } });
	it('is derived from a URL parameter', () => {
		expect(guards.map((g) => [g.kind, g.param])).toEqual([['url', 'url']]);
	});
	it.each([
		'https://example.com/page',
		'http://example.com:8080/a?b=c',
		'HTTPS://Example.COM/',
		'https://8.8.8.8/',
		'https://[2606:4700::1111]/',
		'https://127.0.0.1.example.com/',
		'https://user@example.com/',
		'https://10x.example.org/',
	])('lets %s through', (url) => expect(allowed({ url })).toBe(true));
	it.each([
		'file:///etc/passwd',
		'FiLe:///etc/passwd',
		'gopher://127.0.0.1:6379/_x',
		'javascript:alert(1)',
		'ftp://example.com/',
		' http://example.com/',
		'//example.com/',
		'http:/example.com',
		'http://localhost/',
		'http://LocalHost:8080/admin',
		'http://api.localhost/',
		'HtTp://127.0.0.1/',
		'http://127.1/',
		'http://0.0.0.0:9000/',
		'http://0/',
		'http://10.0.0.5/',
		'http://192.168.1.1/',
		'http://172.16.0.1/',
		'http://172.31.255.255/',
		'http://169.254.169.254/latest/meta-data/',
		'http://100.100.100.200/',
		'http://metadata.google.internal/computeMetadata/v1/',
		'http://2130706433/',
		'http://0x7f000001/',
		'http://0x7f.0.0.1/',
		'http://0177.0.0.1/',
		'http://017700000001/',
		'http://[::1]/',
		'http://[::]/',
		'http://[0:0:0:0:0:0:0:1]/',
		'http://[::ffff:127.0.0.1]/',
		'http://[::FFFF:7f00:1]/',
		'http://[::ffff:169.254.169.254]/',
		'http://[fe80::1%25eth0]/',
		'http://[fd00:ec2::254]/',
		'http://example.com@127.0.0.1/',
		'http://user:pass@10.1.2.3/',
		'http:\\\\127.0.0.1\\',
		'http://%31%32%37.0.0.1/',
		'http://localhost./',
	])('denies %s', (url) => expect(allowed({ url })).toBe(false));
	it('leaves calls without the argument alone', () => expect(allowed({})).toBe(true));
	it('writes only RE2-safe patterns', () => {
		for (const check of guards.flatMap((g) => g.checks)) {
			const cond = 'denyIf' in check.policy ? check.policy.denyIf : check.policy.require;
			expect(String(cond.value)).not.toMatch(/\(\?[=!<]|\\[1-9]/);
		}
	});
});

describe('notStartingWith', () => {
	const re = new RegExp(notStartingWith(['http://', 'https://']));
	it('matches exactly the strings without an allowed prefix', () => {
		for (const s of ['', 'h', 'http', 'http:/', 'https:', 'httpx://', 'file://']) expect(re.test(s)).toBe(true);
		for (const s of ['http://', 'https://x', 'HTTP://x', 'hTtPs://x']) expect(re.test(s)).toBe(false);
	});
});

describe('path guard', () => {
	const { guards, allowed } = guarded('read_file', { path: { type: 'string' } });
	it('confines a location parameter to the placeholder root', () => {
		expect(guards.map((g) => [g.kind, g.param])).toEqual([['path', 'path']]);
		expect(JSON.stringify(guards)).toContain(ROOT_PLACEHOLDER);
	});
	it.each([
		`${ROOT_PLACEHOLDER}`,
		`${ROOT_PLACEHOLDER}/notes/a.md`,
		`${ROOT_PLACEHOLDER}/file..txt`,
		`${ROOT_PLACEHOLDER}/.hidden`,
	])('lets %s through', (path) => expect(allowed({ path })).toBe(true));
	it.each([
		'/etc/passwd',
		`${ROOT_PLACEHOLDER}X/secret`,
		`${ROOT_PLACEHOLDER}/../etc/passwd`,
		`${ROOT_PLACEHOLDER}/a/..`,
		`${ROOT_PLACEHOLDER}/%2e%2e/etc/passwd`,
		`${ROOT_PLACEHOLDER}/%2E%2e/etc/passwd`,
		`${ROOT_PLACEHOLDER}/.%2e/etc`,
		`${ROOT_PLACEHOLDER}%2f..%2fetc`,
		`${ROOT_PLACEHOLDER}\\..\\windows`,
		'../secret',
	])('denies %s', (path) => expect(allowed({ path })).toBe(false));
	it('refuses a call that omits the confined path', () => expect(allowed({})).toBe(false));

	it('does not confine a bare file name, but still refuses .. segments', () => {
		const file = guarded('open', { filename: { type: 'string' } });
		expect(file.allowed({ filename: 'report.pdf' })).toBe(true);
		expect(file.allowed({ filename: '../../.ssh/id_rsa' })).toBe(false);
	});
});

describe('command guard', () => {
	const { guards, allowed } = guarded('run_command', { command: { type: 'string' } });
	it('is derived from a command parameter', () => expect(guards.map((g) => g.kind)).toEqual(['command']));
	it.each(['ls -la', 'git log --oneline -n 5', 'npm test'])('lets %s through', (command) =>
		expect(allowed({ command })).toBe(true),
	);
	it.each([
		'ls; rm -rf /',
		'ls && curl x',
		'ls | sh',
		'echo `id`',
		'echo $(id)',
		'cat < /etc/passwd',
		'echo x > ~/.bashrc',
		'ls\nrm -rf /',
		'ls & sleep 1',
	])('denies %j', (command) => expect(allowed({ command })).toBe(false));
	it('leaves code that is not a command alone', () => {
		expect(guardsFor({ name: 'run_sql', inputSchema: schema({ sql: { type: 'string' } }) })).toEqual([]);
	});
});

describe('guards on actions that never run the tool', () => {
	it('add nothing to a denied tool', () => {
		const guards = guardsFor({ name: 'fetch', inputSchema: schema({ url: { type: 'string' } }) });
		const policy = policyForPlan('fetch', { action: 'deny', rule: 'x', because: 'x' }, guards);
		expect(policy.tools?.fetch?.deny_if).toHaveLength(1);
	});
	it('keep the rate limit of a capped tool', () => {
		const guards = guardsFor({ name: 'fetch', inputSchema: schema({ url: { type: 'string' } }) });
		const policy = policyForPlan(
			'fetch',
			{ action: 'rate-limit', limit: { max: 1, window: 'minute' }, rule: 'x', because: 'x' },
			guards,
		);
		const state = new Map();
		const now = new Date('2026-01-01T00:00:10Z');
		expect(evaluateCall(policy, { tool: 'fetch', args: { url: 'http://10.0.0.1/' } }, state, now).allowed).toBe(false);
		expect(evaluateCall(policy, { tool: 'fetch', args: { url: 'https://a.example/' } }, state, now).allowed).toBe(true);
		expect(evaluateCall(policy, { tool: 'fetch', args: { url: 'https://a.example/' } }, state, now).allowed).toBe(
			false,
		);
	});
});
