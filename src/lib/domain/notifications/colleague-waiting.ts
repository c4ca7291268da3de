/**
 * Someone has asked to join a library and waits for a colleague there to approve them (or turn
 * them down): the library hears at once, so a new librarian is not left at a locked door. The
 * county approves too, and sees every request on its administration page.
 */
import type { Notice, NoticeContext } from './notice';
import { noticeKey } from './notice';
import { libraryName, libraryRecipients } from './recipients';

export function colleagueWaitingNotices({ directory, applicants = [] }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const applicant of applicants) {
		if (!directory.libraries.has(applicant.library)) continue;
		const at = Date.parse(applicant.asked);
		for (const to of libraryRecipients(directory, applicant.library)) {
			out.push({
				key: noticeKey('colleague-waiting', applicant.name, to.address),
				kind: 'colleague-waiting',
				to,
				urgency: 'normal',
				link: `/libraries/${applicant.library}`,
				params: { applicant: applicant.fullName || applicant.name, email: applicant.email, library: libraryName(directory, applicant.library) },
				at: Number.isFinite(at) ? at : 0
			});
		}
	}
	return out;
}
