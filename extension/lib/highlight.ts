import type { HighlightMark } from "./messages"

/**
 * Marks skill mentions in the page by splitting existing text nodes and wrapping the piece in our own element.
 * Page markup is never serialised or re-parsed, so the page's own listeners and layout stay as they were, and
 * `clearHighlights` puts the original text nodes back.
 */
export const MARK_CLASS = "skillproof-mark"
const STYLE_ID = "skillproof-mark-style"
const MAX_MARKS = 300
const SKIP = "script,style,noscript,textarea,input,select,option,button,nav,header,footer,aside,[contenteditable],[aria-hidden=true],mark." + MARK_CLASS

const CSS = `
mark.${MARK_CLASS}{background:none;color:inherit;border-radius:2px;padding:0 1px;cursor:pointer;
  box-shadow:inset 0 -0.6em 0 var(--sp-c);}
mark.${MARK_CLASS}:focus{outline:2px solid #1f5f8b;outline-offset:1px}
mark.${MARK_CLASS}[data-state=matched]{--sp-c:rgba(46,160,67,.45)}
mark.${MARK_CLASS}[data-state=missing]{--sp-c:rgba(218,54,51,.40)}
mark.${MARK_CLASS}[data-state=optional]{--sp-c:rgba(210,153,34,.45)}
`

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return
  const style = doc.createElement("style")
  style.id = STYLE_ID
  style.textContent = CSS
  ;(doc.head ?? doc.documentElement).appendChild(style)
}

function textNodes(root: Element): Text[] {
  const out: Text[] = []
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement && !n.parentElement.closest(SKIP) && (n.nodeValue ?? "").trim()) out.push(n as Text)
  }
  return out
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Wraps every occurrence of each mark's words inside `root`; returns how many marks were drawn. */
export function applyHighlights(root: Element, marks: HighlightMark[], onActivate: (escoUri: string) => void): number {
  const doc = root.ownerDocument
  clearHighlights(doc)
  ensureStyle(doc)
  // Longest phrases first so "machine learning" wins over "learning".
  const ordered = [...marks].filter((m) => m.text.trim().length >= 2).sort((a, b) => b.text.length - a.text.length)
  let count = 0
  for (const mark of ordered) {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRegExp(mark.text.trim()).replace(/\s+/g, "\\s+")})(?=$|[^\\p{L}\\p{N}])`, "iu")
    for (const node of textNodes(root)) {
      if (count >= MAX_MARKS) return count
      const m = pattern.exec(node.nodeValue ?? "")
      if (!m) continue
      const start = m.index + (m[1]?.length ?? 0)
      const hit = node.splitText(start)
      hit.splitText(m[2]!.length)
      const el = doc.createElement("mark")
      el.className = MARK_CLASS
      el.dataset.state = mark.state
      el.dataset.skillproofUri = mark.escoUri
      el.tabIndex = 0
      el.setAttribute("role", "button")
      el.title = `SkillProof: ${mark.state}`
      hit.replaceWith(el)
      el.appendChild(hit)
      count += 1
    }
  }
  const activate = (e: Event): void => {
    const target = (e.target as Element | null)?.closest?.(`mark.${MARK_CLASS}`) as HTMLElement | null
    if (!target?.dataset.skillproofUri) return
    if (e instanceof KeyboardEvent && e.key !== "Enter" && e.key !== " ") return
    e.preventDefault()
    onActivate(target.dataset.skillproofUri)
  }
  root.addEventListener("click", activate)
  root.addEventListener("keydown", activate)
  listeners.set(root, activate)
  return count
}

const listeners = new Map<Element, (e: Event) => void>()

/** Removes every mark and listener this script added, restoring the original text nodes. */
export function clearHighlights(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`mark.${MARK_CLASS}`))) {
    const parent = el.parentNode
    if (!parent) continue
    while (el.firstChild) parent.insertBefore(el.firstChild, el)
    parent.removeChild(el)
    parent.normalize()
  }
  for (const [root, fn] of listeners) {
    root.removeEventListener("click", fn)
    root.removeEventListener("keydown", fn)
  }
  listeners.clear()
  doc.getElementById(STYLE_ID)?.remove()
}
