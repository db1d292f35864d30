// The part of @slidev/client this deck uses, for type-checking only. Slidev ships its client as
// TypeScript sources that do not compile under this project's stricter flags (noUncheckedIndexedAccess,
// build-time globals), so tsconfig.json maps the module here; at run time Vite resolves the real one.
declare module '@slidev/client' {
  import type { ComputedRef, Ref } from 'vue'

  interface SlideRoute {
    no: number
    meta?: { slide?: { frontmatter?: Record<string, unknown> } }
  }

  export function useNav(): {
    currentSlideNo: ComputedRef<number>
    currentSlideRoute: ComputedRef<SlideRoute>
    isPrintMode: ComputedRef<boolean>
    isPresenter: ComputedRef<boolean>
    total: ComputedRef<number>
  }

  /** The deck's configuration as Slidev resolved it from the headmatter (`htmlAttrs.lang`: the deck's language). */
  export const configs: { htmlAttrs?: Record<string, string> }

  export type { Ref }
}

declare module '@slidev/client/state/storage.ts' {
  import type { Ref } from 'vue'

  /** Whether the presenter view mirrors its mouse pointer onto the audience's screens. */
  export const showPresenterCursor: Ref<boolean>
}
