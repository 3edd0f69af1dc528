/** What a file field says of its choice, in French (see `FileField.vue`). */
export function chosenWords(files: readonly Pick<File, 'name'>[], emptyText: string): string {
  const [first] = files;
  if (!first) return emptyText;
  if (files.length === 1) return `Fichier choisi : ${first.name}`;
  return `${files.length} fichiers choisis : ${files.map((f) => f.name).join(', ')}`;
}
