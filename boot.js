// Starts the Prisme web app. Kept in a file (not inline) so that the page's
// Content-Security-Policy can refuse every inline script.
import init from './prisme-web.js';

init({ module_or_path: './prisme-web_bg.wasm' }).catch((err) => {
  const box = document.getElementById('boot-error');
  if (box) {
    box.hidden = false;
    box.textContent = 'Prisme could not start in this browser: ' + err;
  }
});

// Keep a copy of the app for offline use (see sw.js). Texts are never sent anywhere.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
