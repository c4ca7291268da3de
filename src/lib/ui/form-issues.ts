/**
 * Turns the domain's validation issues into one message per form field, in the user's words.
 * A nested path (dates.0.to) is shown at its field (dates) unless the form names it exactly.
 */
import type { ValidationIssue } from '$lib/domain/validation';
import { isMessageKey, t } from '$lib/i18n';

export type FieldErrors = Record<string, string>;

export function messageFor(code: string): string {
	const key = `invalid.${code}`;
	return isMessageKey(key) ? t(key) : t('invalid.unknown');
}

export function fieldErrors(issues: ValidationIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const message = messageFor(issue.code);
		const top = issue.field.split('.')[0] ?? '';
		errors[issue.field] ??= message;
		errors[top] ??= message;
	}
	return errors;
}
