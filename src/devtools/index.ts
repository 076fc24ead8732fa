// The devtools page only creates the CORS panel; everything else lives in the panel app.
void chrome.devtools.panels.create('CORS', 'icon-128.png', 'src/panel/panel.html');
