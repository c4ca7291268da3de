/** The task and skill catalogue. All tasks are worth the same: a day is a day. */
import catalogue from '../data/skills.json';

export type SkillLocale = 'nb' | 'nn' | 'sv' | 'en';

export interface Skill {
	id: string;
	nb: string;
	nn: string;
	sv: string;
	en: string;
}

export const SKILLS: readonly Skill[] = catalogue.skills;

const byId = new Map(SKILLS.map((s) => [s.id, s]));

export function isKnownSkill(id: string): boolean {
	return byId.has(id);
}

/** The skill's name in a language; an unknown id (from a newer catalogue) shows as itself. */
export function skillName(id: string, locale: SkillLocale = 'nb'): string {
	return byId.get(id)?.[locale] ?? id;
}
