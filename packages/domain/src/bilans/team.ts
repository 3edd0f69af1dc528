import { type z } from 'zod';
import { choice, group, list, unaffected } from '../shared/fields.js';
import { countSchema, textSchema } from './counts.js';

/** Roles of the team on the day (the Metz 2023 bilan lists the first six). */
export const teamRoles = [
  'reception',
  'speaker-care',
  'floor',
  'supervision',
  'technical',
  'video',
  'other',
] as const;
export const teamRoleSchema = choice(teamRoles, 'Choisissez le rôle.');
export type TeamRole = z.infer<typeof teamRoleSchema>;

/** French labels of {@link teamRoles}. */
export const teamRoleLabels: Record<TeamRole, string> = {
  reception: 'Accueil',
  'speaker-care': 'Prise en charge des intervenant·es',
  floor: 'Accompagnement du public et appui aux ateliers',
  supervision: 'Supervision du déroulé',
  technical: 'Technique et gestion du lieu',
  video: 'Vidéo et reportage',
  other: 'Autre rôle',
};

/**
 * One role of the team on the day and how many people held it (never who: a bilan names
 * nobody). A role `other` needs a label.
 */
export const teamRoleCountSchema = group(
  {
    role: teamRoleSchema,
    count: countSchema('le nombre de personnes pour ce rôle'),
    label: textSchema('l’intitulé du rôle').optional(),
  },
  'Décrivez ce rôle.',
).superRefine(
  (member, ctx) => {
    if (member.role === 'other' && member.label === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'Précisez l’intitulé de ce rôle.',
        params: { code: 'required' },
      });
    }
  },
  { when: unaffected(['role']) },
);
export type TeamRoleCount = z.infer<typeof teamRoleCountSchema>;

/**
 * The team on the day, one line per role (`other` may repeat, with different labels). An empty
 * list means the bilan does not describe the team.
 */
export const teamSchema = list(
  teamRoleCountSchema,
  'Décrivez l’équipe mobilisée le jour J.',
).superRefine(
  (team, ctx) => {
    const seen = new Set<TeamRole>();
    team.forEach((member, index) => {
      if (member.role !== 'other' && seen.has(member.role)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'role'],
          message:
            'Ce rôle figure déjà dans l’équipe : regroupez ses effectifs sur une seule ligne.',
          params: { code: 'duplicate-role' },
        });
      }
      seen.add(member.role);
    });
  },
  { when: (payload) => payload.issues.length === 0 },
);

/** Total people in the team on the day. */
export function teamSize(team: readonly TeamRoleCount[]): number {
  return team.reduce((total, member) => total + member.count, 0);
}

/**
 * The meetings that prepared the event. `steeringCommitteeMonthsBefore` optionally dates each
 * steering committee in months before the event (Metz: 5, 3 and 1), one entry per committee.
 */
export const preparationMeetingsSchema = group(
  {
    steeringCommittees: countSchema('le nombre de comités de pilotage'),
    partnerMeetings: countSchema('le nombre de réunions avec les partenaires'),
    topicMeetings: countSchema('le nombre de réunions thématiques'),
    speakerMeetings: countSchema('le nombre de réunions avec les intervenant·es'),
    steeringCommitteeMonthsBefore: list(
      countSchema('le nombre de mois avant l’événement'),
      'Indiquez à combien de mois de l’événement se sont tenus les comités.',
    ).optional(),
  },
  'Indiquez les réunions de préparation.',
).superRefine(
  (meetings, ctx) => {
    const dated = meetings.steeringCommitteeMonthsBefore;
    if (dated !== undefined && dated.length !== meetings.steeringCommittees) {
      ctx.addIssue({
        code: 'custom',
        path: ['steeringCommitteeMonthsBefore'],
        message: `Vous avez daté ${dated.length} comité(s) de pilotage sur ${meetings.steeringCommittees} déclaré(s).`,
        params: { code: 'committee-dates-mismatch' },
      });
    }
  },
  { when: unaffected(['steeringCommittees'], ['steeringCommitteeMonthsBefore']) },
);
export type PreparationMeetings = z.infer<typeof preparationMeetingsSchema>;

/** Total preparation meetings of every kind. */
export function preparationMeetingsTotal(meetings: PreparationMeetings): number {
  return (
    meetings.steeringCommittees +
    meetings.partnerMeetings +
    meetings.topicMeetings +
    meetings.speakerMeetings
  );
}
