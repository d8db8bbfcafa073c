// Checks the rule as it is typed: the server parses it as a subscription would and answers the #rule-check fragment
// (the parse error with a caret under its position, or what each term means). Without JavaScript the same check is
// shown when the form comes back from the server.
(function () {
  const rule = document.getElementById('rule');
  const check = document.getElementById('rule-check');
  if (!rule || !check) {
    return;
  }
  // Said rather than an old verdict left standing: a signed-out session answers the sign-in page (or, signed in at an OIDC
  // provider, a redirect there that fetch refuses), and the analyst would not know why the check stopped.
  function unchecked() {
    const message = document.createElement('p');
    message.className = 'rule-unchecked';
    message.textContent = 'The rule could not be checked just now: you may have been signed out (reload the page to sign in again) '
        + 'or be offline. It is checked again when you save.';
    check.replaceChildren(message);
  }
  let timer;
  let latest = 0;
  rule.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const request = ++latest;
      try {
        const response = await fetch('/console/rules/check?rule=' + encodeURIComponent(rule.value), {
          headers: { 'Accept': 'text/html' },
          credentials: 'same-origin'
        });
        // An answer to an older keystroke must not replace a newer one.
        if (request !== latest) {
          return;
        }
        if (response.ok && !response.redirected) {
          check.innerHTML = await response.text();
        } else {
          unchecked();
        }
      } catch (e) {
        if (request === latest) {
          unchecked();
        }
      }
    }, 250);
  });
})();

// Deleting cannot be undone: ask first. (Without JavaScript the form posts at once.)
document.addEventListener('submit', function (event) {
  const question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
