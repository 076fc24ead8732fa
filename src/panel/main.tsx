import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NoTab } from './components/status-views';
import { inspectedTabId } from './connection/environment';
import { PanelApp } from './panel-app';
import { applyTheme } from './theme';
import './panel.css';

applyTheme();

const container = document.getElementById('root');
if (container === null) throw new Error('panel.html has no #root');
const tabId = inspectedTabId(window.location.search);

createRoot(container).render(<StrictMode>{tabId === null ? <NoTab /> : <PanelApp tabId={tabId} />}</StrictMode>);
