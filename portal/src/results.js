// How each page shows a successful answer: the renderers of each area of the portal, by name.
import { renderers as account } from './pages/account.js';
import { renderers as memoires } from './pages/memoires.js';
import { renderers as structures } from './pages/structures.js';
import { renderers as tickets } from './pages/tickets.js';
import { renderers as workspace } from './pages/workspace.js';

const renderers = { ...account, ...structures, ...memoires, ...workspace, ...tickets };

export function renderResult(name, body, target, context) {
  target.replaceChildren();
  return (renderers[name] || renderers.message)(body, target, context);
}
