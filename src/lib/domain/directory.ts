/**
 * Directory documents: mutable, one owner each. Personal data lives only here, so erasing a
 * person is deleting one document. `updated` is a stamp of the writer's clock (ids.ts): on a
 * conflict the revision with the highest `updated` wins on every replica (see conflicts.ts).
 */
import * as v from 'valibot';
import { LOCALES } from '../i18n/locales';
import { NOTICE_KINDS, type EventKind } from './notifications/notice';
import { couchFields, optionalEmail, requiredText, skillId, slug, stamp, text } from './schema-parts';

export const LIBRARY_PREFIX = 'library:';
export const PERSON_PREFIX = 'person:';

export const SKILL_LEVELS = [1, 2, 3] as const;

const docBase = {
	...couchFields,
	updated: stamp
};

export const librarySchema = v.pipe(v.strictObject({
	...docBase,
	_id: v.pipe(v.string('required'), v.startsWith(LIBRARY_PREFIX, 'id')),
	type: v.literal('library', 'type'),
	slug,
	name: requiredText(120),
	municipality: requiredText(120),
	town: text(120),
	region: v.pipe(slug),
	country: v.pipe(v.string('required'), v.regex(/^[A-Z]{2}$/, 'country')),
	lat: v.pipe(v.number('required'), v.minValue(-90, 'coordinates'), v.maxValue(90, 'coordinates')),
	lon: v.pipe(v.number('required'), v.minValue(-180, 'coordinates'), v.maxValue(180, 'coordinates')),
	address: v.optional(text(200)),
	openingHours: v.optional(text(500)),
	phone: v.optional(text(40)),
	email: optionalEmail,
	county: v.optional(v.boolean()),
	active: v.boolean('required')
}),
	// One library, one document: its id is made from its slug.
	v.forward(v.check((doc) => doc._id === LIBRARY_PREFIX + doc.slug, 'id'), ['_id'])
);

/**
 * How a person takes one kind of notice: at once, gathered in the weekly digest, or not at all.
 * A kind left out is `now`: a person who never opened the settings misses nothing.
 */
export const DELIVERY_CHOICES = ['now', 'digest', 'never'] as const;
export type DeliveryChoice = (typeof DELIVERY_CHOICES)[number];

const deliveryChoice = v.optional(v.picklist(DELIVERY_CHOICES, 'delivery'));
const notifyEntries = Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, deliveryChoice])) as Record<EventKind, typeof deliveryChoice>;

export const personSchema = v.strictObject({
	...docBase,
	_id: v.pipe(v.string('required'), v.startsWith(PERSON_PREFIX, 'id')),
	type: v.literal('person', 'type'),
	library: slug,
	name: requiredText(120),
	title: v.optional(text(120)),
	phone: v.optional(text(40)),
	email: optionalEmail,
	skills: v.pipe(
		v.array(
			v.strictObject({ skill: skillId, level: v.picklist(SKILL_LEVELS, 'level') }, 'skills'),
			'skills'
		),
		v.maxLength(20, 'too-many')
	),
	bestAt: v.optional(text(1000)),
	languages: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40, 'too-long'))), v.maxLength(10, 'too-many')),
	bio: v.optional(text(2000)),
	/** Notice preferences: personal data like the rest, so erasing the person erases them. */
	notify: v.optional(v.strictObject(notifyEntries, 'notify')),
	/** The language the person's e-mails are written in; without it, the county's (nb). */
	locale: v.optional(v.picklist(LOCALES, 'locale'))
});

export type LibraryDoc = v.InferOutput<typeof librarySchema>;
export type PersonDoc = v.InferOutput<typeof personSchema>;

export function libraryDocId(librarySlug: string): string {
	return LIBRARY_PREFIX + librarySlug;
}

export function personDocId(id: string): string {
	return PERSON_PREFIX + id;
}
