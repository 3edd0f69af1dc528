/** The parts of the bilan, by the fields each holds: what a version conflict names. */
export const bilanSections = [
  { title: 'Participation', fields: ['attendees', 'structuresRepresented', 'expectedAttendees'] },
  { title: 'Programme', fields: ['formats'] },
  { title: 'Intervenantes et intervenants', fields: ['speakers'] },
  { title: 'Budget réalisé', fields: ['budget'] },
  { title: 'Satisfaction du public', fields: ['satisfaction', 'publicOrigin'] },
  { title: 'Points d’amélioration', fields: ['improvements'] },
  { title: 'Équipe', fields: ['team', 'preparation'] },
  { title: 'Ressources produites', fields: ['resources', 'licence'] },
  { title: 'Commentaire', fields: ['comments'] },
] as const;
