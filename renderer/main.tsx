import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWindowApi } from './api/transport';
import { App } from './app/App';
import { createAppStore, StoreProvider } from './store/store';
import './styles/global.css';

const store = createAppStore(createWindowApi());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
