// Slidev ignores its keys while a button has focus, and Space presses a focused button: a poll control clicked
// on a slide would take the clicker over (Reveal, then Space, hid the results again). Buttons on slides
// therefore never take focus: a click does not focus them, and focus reaching one otherwise is dropped.
function onSlide(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element
    ? target.closest<HTMLElement>('.slidev-page button')
    : null
}

export function useClickerSafeControls(root: Document = document): void {
  root.addEventListener('mousedown', (event) => {
    if (onSlide(event.target))
      event.preventDefault()
  }, true)
  root.addEventListener('focusin', event => onSlide(event.target)?.blur(), true)
}
