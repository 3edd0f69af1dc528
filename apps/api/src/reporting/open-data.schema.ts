import type { TableSchema, TableSchemaField } from '@nec/contracts';

const count = (
  name: string,
  title: string,
  description: string,
  minimum = 0,
): TableSchemaField => ({
  name,
  title,
  description,
  type: 'integer',
  constraints: { required: true, minimum },
});

const euros = (name: string, title: string, description: string): TableSchemaField => ({
  name,
  title,
  description,
  type: 'number',
  constraints: { required: true, minimum: 0 },
});

/**
 * The Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of the open
 * data file `nec-locaux.csv`: one row per year × région. The CSV's header is read from here, so
 * the file and its schema cannot drift apart. Its shape is the contract's (`tableSchemaSchema`).
 */
export const necLocauxTableSchema: TableSchema = {
  title: 'NEC locaux : chiffres agrégés par année et par région',
  description:
    'Bilans déposés des événements Numérique en Commun[s] locaux, agrégés par année de campagne et par région (code INSEE). Aucune donnée personnelle ni nom de structure. Les événements sans région unique (en ligne, multirégionaux) ne figurent pas dans ce fichier. Montants en euros, point décimal.',
  fields: [
    count('year', 'Année', 'Année de la campagne à laquelle l’événement appartient.', 2018),
    {
      name: 'region_code',
      title: 'Code de la région',
      description: 'Code INSEE de la région (2 chiffres, 3 pour les collectivités d’outre-mer).',
      type: 'string',
      constraints: { required: true, pattern: '[0-9]{2,3}' },
    },
    {
      name: 'region_name',
      title: 'Région',
      description: 'Nom de la région selon le découpage administratif en vigueur.',
      type: 'string',
      constraints: { required: true },
    },
    count('events', 'Nombre d’événements', 'Événements dont le bilan a été déposé.', 1),
    count('attendees', 'Personnes présentes', 'Somme des personnes présentes.'),
    count(
      'structures',
      'Structures représentées',
      'Somme des structures représentées à chaque événement.',
    ),
    count('speakers', 'Intervenant·es', 'Somme des intervenant·es.'),
    count(
      'women_speakers',
      'Intervenantes',
      'Somme des intervenantes (femmes), lorsque la répartition par genre est connue.',
    ),
    count('workshops', 'Ateliers', 'Somme des ateliers proposés.'),
    euros('expenses_eur', 'Dépenses réalisées (euros)', 'Somme des dépenses réalisées, en euros.'),
    euros(
      'subsidies_eur',
      'Subventions de l’ANCT (euros)',
      'Somme des subventions de l’ANCT déclarées dans les bilans, en euros (0 lorsqu’aucune n’est déclarée).',
    ),
  ],
  missingValues: [''],
  primaryKey: ['year', 'region_code'],
};
