/**
 * Level and category calibrations of ruleset 2026.12.3, each a general rule checked on synthetic
 * definitions: reads of a team's private workspace records, and payment settings that move no money.
 */
import { describe, expect, it } from 'vitest';
import { classify, type Decision } from '../../src/classify/index.ts';
import { SERVER, tool } from '../helpers/definitions.ts';

const label = (d: Decision) => `${d.category}/${d.level}`;

describe('private workspace records', () => {
	it.each([
		['get_sprint', 'Get sprint details and issues by ID'],
		['list_workflows', 'List all workflows'],
		['get_team_activity', 'Get team activity log'],
		['watch_mailbox', 'Returns mailbox settings'],
		['crm_get_lead', 'Get a lead by ID'],
		['search_deals', 'Search deals in the pipeline'],
	])('%s reads private data: Read/Medium', (name, description) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Read/Medium');
		expect(d.evidence.some((e) => e.rule === 'private-data')).toBe(true);
	});

	it('leaves a read of a public object Low', () => {
		expect(label(classify(tool('get_component_docs', 'Get the docs of a component'), SERVER))).toBe('Read/Low');
	});
});

describe('payment settings', () => {
	it.each([
		['set_default_payment_method', 'Set the default payment method for your account.'],
		['enable_manual_payment_method', 'Enable a manual payment method for the store.'],
		['update_payment_settings', 'Update the payment settings of the shop.'],
	])('%s configures payments without moving money: Write', (name, description) => {
		expect(classify(tool(name, description), SERVER).category).toBe('Write');
	});

	it.each([
		['create_payment', 'Create a payment against an invoice.'],
		['send_payment', 'Send a payment to a recipient.'],
	])('%s still moves money: Financial', (name, description) => {
		expect(classify(tool(name, description), SERVER).category).toBe('Financial');
	});
});
