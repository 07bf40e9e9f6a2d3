// Calls to /api from the portal: the session cookie authenticates, the XSRF-TOKEN cookie is echoed as the CSRF header,
// and X-Requested-With keeps the browser from popping up its own login box on a 401.

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

export async function callApi(method, action, payload) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  let url = action;
  let body;
  if (method === 'GET') {
    const query = new URLSearchParams(payload).toString();
    url = query ? `${action}?${query}` : action;
  } else if (method === 'DELETE') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  } else {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    if (payload instanceof FormData) {
      body = payload;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(payload);
    }
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, body: { detail: 'Le service ne répond pas : vérifiez votre connexion puis réessayez.' } };
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (error) {
    parsed = { detail: 'Réponse inattendue du service. Réessayez plus tard.' };
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

export function problemMessage(problem) {
  return (problem && problem.detail) || 'La demande a été refusée. Vérifiez les champs puis réessayez.';
}
