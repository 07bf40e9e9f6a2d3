// Calls to /api/models for a staff member: his Camunda webapp session authenticates; a change carries the CSRF token
// that GET /api/staff/me answered (X-XSRF-TOKEN), which is what lets the session count for it.

let csrfToken = null;

export function useStaffToken(token) {
  csrfToken = token;
}

export async function staffApi(method, url, payload, accept) {
  const headers = { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  let body;
  if (method !== 'GET') {
    if (csrfToken) {
      headers['X-XSRF-TOKEN'] = csrfToken;
    }
    if (payload instanceof FormData) {
      body = payload;
    } else if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(payload);
    }
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, status: 0, body: { detail: 'Le service ne répond pas : vérifiez votre connexion puis réessayez.' } };
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (error) {
    parsed = response.ok ? text : { detail: 'Réponse inattendue du service. Réessayez plus tard.' };
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

/** The French reason of a refusal, or a general one. */
export function refusal(answer) {
  if (answer.status === 404 && !(answer.body && answer.body.detail)) {
    return "Ce service n'est pas encore disponible sur ce serveur.";
  }
  return (answer.body && answer.body.detail) || 'La demande a été refusée. Réessayez plus tard.';
}
