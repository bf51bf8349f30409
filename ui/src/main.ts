import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { makeI18n } from './i18n'

createApp(App).use(makeI18n()).mount('#app')
