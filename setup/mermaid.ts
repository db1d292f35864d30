import { defineMermaidSetup } from '@slidev/types'

// Diagrams share the deck's palette and fonts so they read as part of the slides.
export default defineMermaidSetup(() => ({
  theme: 'base',
  fontFamily: 'Lato, sans-serif',
  // Long labels wrap onto more lines instead of making the diagram wider and so smaller on the slide.
  flowchart: { wrappingWidth: 440 },
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
  // Edge labels sit on the slide's own colour (styles/deck.css), not on a patch of another one. Custom
  // properties cross into the shadow root Slidev draws Mermaid in.
  themeCSS: '.edgeLabel, .edgeLabel p, .edgeLabel rect, .labelBkg { background-color: var(--deck-slide-bg); fill: var(--deck-slide-bg); opacity: 1; }',
}))
