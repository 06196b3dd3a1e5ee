"use strict";
fetch("/healthz").then((r) => r.json()).then((h) => {
  document.getElementById("app").textContent = `dyad explorer: ${h.documents} documents, ${h.events} events`;
});
