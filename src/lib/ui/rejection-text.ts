/** Why a transaction was refused (by the fold or before writing), in the user's words, with library names. */
import type { Rejection } from '$lib/domain/rejection';
import { days, isMessageKey, t } from '$lib/i18n';

export function rejectionText(rejection: Pick<Rejection, 'code' | 'params'>, nameOf: (slug: string) => string): string {
	const params: Record<string, string | number> = { ...rejection.params };
	if (typeof params.library === 'string') params.library = nameOf(params.library);
	for (const key of ['limit', 'available', 'left', 'taken', 'days'] as const) {
		if (typeof params[key] === 'number') params[key] = days(params[key] as number);
	}
	const key = `reject.${rejection.code}`;
	return isMessageKey(key) ? t(key, params) : rejection.code;
}
