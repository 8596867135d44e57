import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import { installAppWiring } from './app/wiring';
import { installDiagnostics } from './app/diagnostics';
import { startEarly } from './app/startup';
import './styles.css';

// The CSP forbids eval; tell zod not to try compiling validators with new Function.
z.config({ jitless: true });
initI18n();
installAppWiring();
// The vault and the workspace in the address start loading before React renders anything.
startEarly();
// Read-only document digests for end-to-end measurements; off unless a test switches it on.
installDiagnostics();
const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
