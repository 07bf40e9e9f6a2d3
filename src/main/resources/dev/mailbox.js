const list = document.getElementById('messages');
function text(tag, content) { const e = document.createElement(tag); e.textContent = content; return e; }
async function load() {
  const messages = await (await fetch('/dev/mailbox/messages')).json();
  list.replaceChildren();
  if (messages.length === 0) { list.append(text('p', 'Aucun courriel reçu.')); return; }
  for (const m of messages) {
    const article = document.createElement('article');
    article.className = 'mail';
    article.append(text('h2', m.subject || '(sans objet)'));
    article.append(text('p', 'À : ' + m.to.join(', ') + ' — reçu le ' + new Date(m.receivedAt).toLocaleString('fr-FR')));
    article.append(text('pre', m.text || ''));
    if (m.links.length) {
      const ul = document.createElement('ul');
      for (const href of m.links) { const li = document.createElement('li'); const a = text('a', href); a.href = href; li.append(a); ul.append(li); }
      article.append(ul);
    }
    list.append(article);
  }
}
document.getElementById('refresh').addEventListener('click', load);
document.getElementById('purge').addEventListener('click', async () => { await fetch('/dev/mailbox/messages', { method: 'DELETE' }); load(); });
load();
