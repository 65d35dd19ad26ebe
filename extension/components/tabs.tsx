import { useRef, type ReactNode } from "react"

export interface TabDef {
  id: string
  label: string
  panel: ReactNode
}

/** WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, only the selected tab is in the tab order. */
export function Tabs({ tabs, selected, onSelect, label }: { tabs: TabDef[]; selected: string; onSelect: (id: string) => void; label: string }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})
  const onKey = (e: React.KeyboardEvent, index: number): void => {
    const last = tabs.length - 1
    const to = e.key === "ArrowRight" ? (index === last ? 0 : index + 1) : e.key === "ArrowLeft" ? (index === 0 ? last : index - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : -1
    if (to < 0) return
    e.preventDefault()
    const id = tabs[to]!.id
    onSelect(id)
    refs.current[id]?.focus()
  }
  return (
    <>
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el
            }}
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => onKey(e, i)}>
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <section key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={tab.id !== selected} tabIndex={0}>
          {tab.id === selected ? tab.panel : null}
        </section>
      ))}
    </>
  )
}
