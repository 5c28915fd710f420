/** Validates documents against a published JSON Schema (draft 2020-12) with Ajv, as an API user would. */
import Ajv2020 from 'ajv/dist/2020.js';

/** A validator of one schema: the error text, or undefined when the document is valid. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: unknown) => string | undefined {
	// zod's `z.iso.date()` is written as `format: "date"`; Ajv knows no format unless given one.
	const ajv = new Ajv2020({ strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
	const validate = ajv.compile(schema);
	return (doc) => (validate(doc) ? undefined : ajv.errorsText(validate.errors));
}
