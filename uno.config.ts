import { defineConfig } from 'unocss'

// The deck's visual language, defined once: layouts and components use these names; the industry and
// public-sector slide colours are the `industry` / `public` layout classes in styles/deck.css.
// Slidev merges this with its own UnoCSS config.
export default defineConfig({
  theme: {
    colors: {
      salmon: '#fbe5dc',
      ink: '#111111',
    },
    fontFamily: {
      heading: '"Lexend", "Lato", sans-serif',
    },
  },
  shortcuts: {
    'deck-heading': 'font-heading font-bold text-ink leading-tight tracking-tight',
    'deck-credit': 'absolute bottom-1 right-2 text-[13px] text-gray-600 bg-white/80 px-1',
  },
})
