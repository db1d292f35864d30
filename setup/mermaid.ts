import { defineMermaidSetup } from '@slidev/types'

// Diagrams share the deck's palette and fonts so they read as part of the slides.
export default defineMermaidSetup(() => ({
  theme: 'base',
  fontFamily: 'Lato, sans-serif',
  themeVariables: {
    fontFamily: 'Lato, sans-serif',
    fontSize: '18px',
    primaryColor: '#ffffff',
    primaryBorderColor: '#111111',
    primaryTextColor: '#111111',
    lineColor: '#444444',
    secondaryColor: '#e3f1ea',
    tertiaryColor: '#fdf3dc',
    clusterBkg: '#ffffff99',
    clusterBorder: '#888888',
  },
}))
