/** Saves `content` as a file through a temporary object URL; nothing leaves the device. */
export function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A credential typed or dropped by the user, sorted into the shape the verify route takes. */
export function credentialInput(raw: string): { text: string } | { url: string } | null {
  const text = raw.trim()
  if (!text) return null
  if (/^https?:\/\/\S+$/i.test(text)) return { url: text }
  return { text }
}
