/** Every rule at once: what is true to tell, to whom, at this moment. */
import { colleagueWaitingNotices } from './colleague-waiting';
import { collisionNotices } from './collision';
import { confirmDaysNotices } from './confirm-days';
import { monthlySummaryNotices } from './monthly-summary';
import type { Notice, NoticeContext } from './notice';
import { proposalAnsweredNotices } from './proposal-answered';
import { proposalToAnswerNotices } from './proposal-to-answer';
import { proposalUnansweredNotices } from './proposal-unanswered';
import { urgentRequestNotices } from './urgent-request';
import { visitReportNotices } from './visit-report';
import { visitTomorrowNotices } from './visit-tomorrow';
import { weeklyDigestNotices } from './weekly-digest';

const RULES: Array<(context: NoticeContext) => Notice[]> = [
	urgentRequestNotices,
	proposalToAnswerNotices,
	proposalAnsweredNotices,
	collisionNotices,
	visitTomorrowNotices,
	confirmDaysNotices,
	proposalUnansweredNotices,
	visitReportNotices,
	colleagueWaitingNotices,
	weeklyDigestNotices,
	monthlySummaryNotices
];

/** In key order, one notice per key (a person may be both a library's address and a match). */
export function allNotices(context: NoticeContext): Notice[] {
	const byKey = new Map<string, Notice>();
	for (const rule of RULES) for (const notice of rule(context)) if (!byKey.has(notice.key)) byKey.set(notice.key, notice);
	return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
