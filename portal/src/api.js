// Calls to /api from the portal: the session cookie authenticates, the XSRF-TOKEN cookie is echoed as the CSRF header,
// and X-Requested-With keeps the browser from popping up its own login box on a 401.

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

/**
 * One request to our API, never throwing: the CSRF token echoed on a change, a FormData or JSON body, the answer parsed
 * (a refusal that is not JSON becomes a French detail). The portal's calls and the analysts' page share it.
 */
export async function send(method, url, token, payload, accept) {
  const headers = { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  let body;
  if (method !== 'GET') {
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    if (payload instanceof FormData) {
      body = payload;
    } else if (payload !== undefined && method !== 'DELETE') {
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

export async function callApi(method, action, payload) {
  if (method === 'GET') {
    const query = new URLSearchParams(payload).toString();
    return send(method, query ? `${action}?${query}` : action);
  }
  return send(method, action, csrfToken(), payload);
}

export function problemMessage(problem) {
  return (problem && problem.detail) || 'La demande a été refusée. Vérifiez les champs puis réessayez.';
}
