export function IdeaDetail(_props: { ideaId: string }) {
  return null;
}
