/**
 * Web Push beside the e-mail: what a delivered message told goes to the devices of its library,
 * once per device (a library with three people gets three e-mails but each device one
 * notification). Push is a courtesy beside the e-mail, so a failure is logged and not retried;
 * a device that is gone (404/410) is forgotten.
 */
import type { Notice } from '../../src/lib/domain/notifications/notice';
import type { ComposedMail } from './compose';
import type { NotifierMemory } from './notifier-store';
import { sendPush } from './pusher';
import type { VapidKeys } from './vapid-keys';

export interface PushContext {
	vapid: VapidKeys & { subject: string };
	now(): number;
	log(line: string): void;
	save(): void;
}

/** What a notice tells, without whom it tells it to: the key up to its address. */
export function pushKeyOf(notice: Notice): string {
	return notice.key.slice(0, notice.key.lastIndexOf('>'));
}

export async function pushToDevices(memory: NotifierMemory, notice: Notice, mail: ComposedMail, context: PushContext): Promise<void> {
	if (!memory.push) return;
	const what = pushKeyOf(notice);
	for (const device of Object.values(memory.push)) {
		const key = `${what}>${device.endpoint}`;
		if (!device.libraries.includes(notice.to.library) || memory.pushed?.[key]) continue;
		const result = await sendPush(device, { title: mail.subject, body: mail.summary.slice(0, 240), url: notice.link, tag: what }, context.vapid);
		if (result.ok) (memory.pushed ??= {})[key] = context.now();
		else if (result.gone) {
			delete memory.push[device.endpoint];
			(memory.gonePush ??= {})[device.endpoint] = context.now();
			context.log(`notifier: a device of ${device.libraries.join(', ')} is gone (${result.reason}); it will not be pushed to again`);
		} else context.log(`notifier: push failed (${result.reason})`);
		context.save();
	}
}
