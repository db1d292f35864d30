// Fonts are bundled so the deck works offline and asks no third party for anything.
import '@fontsource/lato/400.css'
import '@fontsource/lato/700.css'
import '@fontsource/lexend/600.css'
import '@fontsource/lexend/700.css'
import '@fontsource/fira-code/400.css'
import './deck.css'
