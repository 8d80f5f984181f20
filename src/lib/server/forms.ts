import * as v from 'valibot';

export type FormIssues = Record<string, string>;

export type ParsedForm<T> =
	| { success: true; output: T }
	| { success: false; issues: FormIssues; values: Record<string, string> };

/**
 * Validates a submitted form with a valibot schema. On failure returns the first message per
 * field and the submitted values to show again — never password fields.
 */
export function parseForm<S extends v.GenericSchema>(
	schema: S,
	form: FormData
): ParsedForm<v.InferOutput<S>> {
	const input: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string') input[key] = value;
	}
	const result = v.safeParse(schema, input);
	if (result.success) return { success: true, output: result.output };
	const issues: FormIssues = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue) ?? 'form';
		issues[key] ??= issue.message;
	}
	const values = Object.fromEntries(
		Object.entries(input).filter(([key]) => !/password/i.test(key))
	);
	return { success: false, issues, values };
}
