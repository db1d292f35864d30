import { createApp } from 'vue'
import App from './App.vue'
import '../vote/style.css'
import './console.css'

createApp(App).mount('#app')
