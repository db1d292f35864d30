import { defineConfig } from 'unocss'

// The deck's visual language, defined once: every layout and slide uses these names.
// Slidev merges this with its own UnoCSS config.
export default defineConfig({
  theme: {
    colors: {
      salmon: '#fbe5dc',
      industry: '#e3f1ea',
      public: '#fdf3dc',
      ink: '#111111',
      accent: '#c2410c',
      grid: '#e9a99a',
    },
    fontFamily: {
      heading: '"Lexend", "Lato", sans-serif',
    },
  },
  shortcuts: {
    'deck-heading': 'font-heading font-bold text-ink leading-tight tracking-tight',
    'deck-credit': 'absolute bottom-1 right-2 text-[10px] text-gray-600 bg-white/80 px-1',
    'deck-footer': 'absolute bottom-3 left-8 text-[10px] font-mono text-gray-500',
    'deck-card': 'rounded-lg bg-white/70 p-3 shadow-sm',
    'bg-industry-slide': 'bg-industry',
    'bg-public-slide': 'bg-public',
  },
})
