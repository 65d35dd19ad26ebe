/** A sentence with the mention emphasised; the page's words are rendered as React text, never as markup. */
export function EvidenceText({ sentence, mention }: { sentence: string; mention: string }) {
  const at = mention ? sentence.toLowerCase().indexOf(mention.toLowerCase()) : -1
  if (at < 0) return <q>{sentence}</q>
  return (
    <q>
      {sentence.slice(0, at)}
      <mark>{sentence.slice(at, at + mention.length)}</mark>
      {sentence.slice(at + mention.length)}
    </q>
  )
}
