// Each article is one collaborative document, named after its id.
const PREFIX = 'article:';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function articleDocumentName(articleId: string): string {
  return `${PREFIX}${articleId}`;
}

/** The article id of a document name, or null when the name is not `article:<id>`. */
export function articleIdFromDocumentName(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return ID_PATTERN.test(id) ? id : null;
}
