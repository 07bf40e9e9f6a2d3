// Calls to /api/models for a staff member: his Camunda webapp session authenticates; a change carries the CSRF token
// that GET /api/staff/me answered (X-XSRF-TOKEN), which is what lets the session count for it.

import { send } from '../api.js';

let csrfToken = null;

export function useStaffToken(token) {
  csrfToken = token;
}

export function staffApi(method, url, payload, accept) {
  return send(method, url, csrfToken, payload, accept);
}

/** The French reason of a refusal, or a general one. */
export function refusal(answer) {
  if (answer.status === 404 && !(answer.body && answer.body.detail)) {
    return "Ce service n'est pas encore disponible sur ce serveur.";
  }
  return (answer.body && answer.body.detail) || 'La demande a été refusée. Réessayez plus tard.';
}
