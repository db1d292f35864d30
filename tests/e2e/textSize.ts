import type { Locator } from '@playwright/test'

export interface DrawnText {
  text: string
  /** The font size as drawn on screen, in CSS pixels of the viewport. */
  px: number
}

/**
 * Every visible text inside `root` with the size it is drawn at: the computed font size times the scale that
 * transforms apply (Slidev scales the 980-wide canvas to the window; Mermaid scales its SVG to the box).
 */
export async function drawnTexts(root: Locator): Promise<DrawnText[]> {
  return root.evaluate((rootEl) => {
    const out: { text: string, px: number }[] = []
    // Slidev draws Mermaid inside a shadow root, which a tree walker does not enter.
    const textNodes: Text[] = []
    const stack: Node[] = [rootEl]
    while (stack.length > 0) {
      const from = stack.pop()!
      if (from instanceof Text)
        textNodes.push(from)
      stack.push(...from.childNodes)
      if (from instanceof Element && from.shadowRoot)
        stack.push(from.shadowRoot)
    }
    for (const node of textNodes) {
      const text = (node.textContent ?? '').trim()
      const el = node.parentElement
      if (!text || !el)
        continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || el.closest('[aria-hidden="true"], .sr-only'))
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || !el.checkVisibility({ opacityProperty: true }))
        continue
      let scale: number
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM()
        scale = m
          ? Math.hypot(m.a, m.b)
          : 1
      }
      else {
        scale = el.offsetWidth > 0
          ? el.getBoundingClientRect().width / el.offsetWidth
          : 1
      }
      out.push({
        text: text.slice(0, 60),
        px: Math.round(Number.parseFloat(style.fontSize) * scale * 10) / 10,
      })
    }
    return out
  })
}

/** The visible texts inside `root` drawn smaller than `minPx`. */
export async function textsSmallerThan(root: Locator, minPx: number): Promise<DrawnText[]> {
  return (await drawnTexts(root)).filter(t => t.px < minPx)
}
