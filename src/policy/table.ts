/**
 * The policy table as the methodology page prints it. A unit test checks each row against
 * `planAction`, so the page cannot describe a different table from the one the code applies.
 */
import type { Category, Level } from '../catalogue/schema.ts';

/** One printed row, with a sample label the test feeds to `planAction`. */
export interface PolicyRow {
	rule: string;
	when: string;
	action: string;
	sample: { category: Category; level: Level; integrity?: 'high' | 'medium' };
}

export const POLICY_TABLE: readonly PolicyRow[] = [
	{
		rule: 'P-integrity',
		when: 'Any high-severity integrity finding',
		action: 'Hide',
		sample: { category: 'Read', level: 'Low', integrity: 'high' },
	},
	{
		rule: 'P-critical-destructive',
		when: 'Critical and Destructive',
		action: 'Hide',
		sample: { category: 'Destructive', level: 'Critical' },
	},
	{
		rule: 'P-critical-execute',
		when: 'Critical and Execute',
		action: 'Deny',
		sample: { category: 'Execute', level: 'Critical' },
	},
	{
		rule: 'P-critical-approve',
		when: 'Critical, any other category',
		action: 'Require approval',
		sample: { category: 'Financial', level: 'Critical' },
	},
	{
		rule: 'P-high-execute',
		when: 'High and Execute',
		action: 'Rate-limit 10/minute',
		sample: { category: 'Execute', level: 'High' },
	},
	{
		rule: 'P-high-approve',
		when: 'High, any other category',
		action: 'Require approval',
		sample: { category: 'Write', level: 'High' },
	},
	{
		rule: 'P-financial',
		when: 'Medium and Financial',
		action: 'Require approval',
		sample: { category: 'Financial', level: 'Medium' },
	},
	{
		rule: 'P-medium-read',
		when: 'Medium and Read',
		action: 'Rate-limit 60/minute',
		sample: { category: 'Read', level: 'Medium' },
	},
	{
		rule: 'P-medium',
		when: 'Medium, any other category',
		action: 'Rate-limit 30/minute',
		sample: { category: 'Write', level: 'Medium' },
	},
	{
		rule: 'P-integrity-review',
		when: 'Low with a medium-severity integrity finding',
		action: 'Rate-limit 60/minute',
		sample: { category: 'Read', level: 'Low', integrity: 'medium' },
	},
	{ rule: 'P-low', when: 'Low', action: 'Allow', sample: { category: 'Read', level: 'Low' } },
];
