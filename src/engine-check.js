/*
 * The pages' feature test, inlined by webpack.config.js into taskpane.html and the WPS index.html after the
 * SELFEVAL object ({ engine: engines.js's entry for the host, mode: 'pane' | 'ribbon', bundles: [...] }).
 * Plain ES5, so that it runs in any engine: it compiles a snippet of the floor's syntax and looks for what the
 * bundles need and no polyfill can give (Promise, Symbol, Proxy …). Where the engine passes, it loads the
 * bundles in order; where it does not, the pane shows "此版本的 Office/WPS 过旧：…" in Chinese and English
 * instead of a blank page, and the WPS ribbon's button says the same. An error thrown by one of our bundles
 * before the pane has rendered anything (a feature the test missed) shows the same page, with the error.
 */
(function () {
  var S = window.SELFEVAL;
  var NEEDED = ['Promise', 'Symbol', 'Map', 'Set', 'WeakMap', 'Proxy', 'Reflect', 'MutationObserver'];

  function lacking() {
    try {
      new Function(S.engine.syntax);
    } catch (e) {
      return 'syntax';
    }
    for (var i = 0; i < NEEDED.length; i++) if (typeof window[NEEDED[i]] === 'undefined') return NEEDED[i];
    return '';
  }

  function tooOld(what) {
    window.selfevalTooOld = what;
    if (S.mode === 'ribbon') return;
    var root = document.getElementById('root');
    if (!root) return;
    document.body.setAttribute('data-mode', 'too-old');
    root.innerHTML = '';
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-too-old', what);
    box.style.cssText = 'margin:16px;padding:12px;border:1px solid #d13438;background:#fdf3f4;font-size:14px;line-height:1.6';
    var texts = [S.engine.tooOld.zh, S.engine.tooOld.en, '(' + what + ')'];
    for (var i = 0; i < texts.length; i++) {
      var p = document.createElement('p');
      p.style.cssText = i === 2 ? 'margin:8px 0 0;color:#605e5c;font-size:12px' : 'margin:0 0 8px';
      if (i === 1) p.setAttribute('lang', 'en');
      p.appendChild(document.createTextNode(texts[i]));
      box.appendChild(p);
    }
    root.appendChild(box);
  }

  if (S.mode === 'ribbon') {
    // the ribbon's callbacks until the bundle defines its own: where it cannot run, the button says why
    window.ribbon = {
      OnAddinLoad: function () { return true; },
      OnAction: function () {
        if (typeof window.alert === 'function') window.alert(S.engine.tooOld.zh + '\n\n' + S.engine.tooOld.en);
        return true;
      },
      GetImage: function () { return 'assets/icon-32.png'; },
    };
  }

  var missing = lacking();
  if (missing) {
    tooOld(missing);
    return;
  }
  if (window.addEventListener) {
    window.addEventListener('error', function (e) {
      var file = String((e && e.filename) || '');
      var ours = false;
      for (var i = 0; i < S.bundles.length; i++) if (file.slice(-S.bundles[i].length) === S.bundles[i]) ours = true;
      var root = document.getElementById('root');
      if (ours && !window.selfevalTooOld && (!root || !root.firstChild)) tooOld(String(e.message || 'error'));
    });
  }
  for (var i = 0; i < S.bundles.length; i++) {
    var s = document.createElement('script');
    s.src = S.bundles[i];
    s.async = false;
    document.body.appendChild(s);
  }
})();
