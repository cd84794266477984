import HTTPTypes
import Hummingbird
import NIOCore

/// The web chat: plain HTML, CSS and a little JavaScript, kept in the binary so that there
/// is no build step and nothing to install beside it. The page keeps only the session id
/// (in `sessionStorage`); after a reload it shows the pending question again.
enum WebChatPage {
    static func response(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        // Scripts and styles come from this server only; nothing is framed elsewhere.
        headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Intake assistant</title>
        <link rel="stylesheet" href="/chat.css">
        <script src="/chat.js" defer></script>
        </head>
        <body>
        <header>
        <h1>Intake assistant</h1>
        <p id="disclaimer">An automated assistant, not a doctor or a nurse: what it says is information, \
        not medical advice. In an emergency call your local emergency number now.</p>
        </header>
        <main>
        <h2 class="visually-hidden">Conversation</h2>
        <ol id="log" role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation"></ol>
        <div id="choices" role="group" aria-label="Choices"></div>
        <form id="composer" autocomplete="off">
        <label for="input">Your message</label>
        <div class="row">
        <input id="input" name="input" type="text" maxlength="4096" enterkeyhint="send" required>
        <button type="submit" id="send">Send</button>
        </div>
        </form>
        <p id="status" role="status"></p>
        <button type="button" id="restart" hidden>Start a new conversation</button>
        </main>
        <noscript><p>The chat needs JavaScript. In an emergency call your local emergency number.</p></noscript>
        </body>
        </html>
        """

    static let css = """
        :root { color-scheme: light dark; --accent: #0b5cad; --crisis: #a40000; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 46rem; padding: 0.75rem; font: 1.0625rem/1.5 system-ui, sans-serif; }
        h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
        #disclaimer { margin: 0 0 0.75rem; font-size: 0.95rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        #log { list-style: none; margin: 0; padding: 0; }
        #log > li { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-radius: 0.5rem; overflow-wrap: anywhere; }
        #log > li.assistant { background: rgba(127, 127, 127, 0.12); }
        #log > li.person { background: rgba(11, 92, 173, 0.12); margin-left: 2rem; }
        #log > li.crisis { border-left: 0.3rem solid var(--crisis); }
        .sender { display: block; font-weight: 600; font-size: 0.85rem; }
        #log p { margin: 0.25rem 0; }
        .resources { margin: 0.25rem 0; padding-left: 1.25rem; }
        .resources a { font-weight: 600; }
        #choices { display: flex; flex-direction: column; gap: 0.5rem; margin: 0 0 0.75rem; }
        button { font: inherit; min-height: 2.75rem; padding: 0.4rem 0.75rem; border-radius: 0.4rem;
                 border: 1px solid var(--accent); background: transparent; color: inherit; text-align: left; cursor: pointer; }
        button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        #send { background: var(--accent); color: #fff; text-align: center; }
        label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .row { display: flex; gap: 0.5rem; }
        #input { flex: 1; min-width: 0; font: inherit; padding: 0.5rem; min-height: 2.75rem; }
        #status { min-height: 1.5em; }
        """

    static let javascript = """
        "use strict";
        (function () {
          const log = document.getElementById("log");
          const choices = document.getElementById("choices");
          const form = document.getElementById("composer");
          const input = document.getElementById("input");
          const status = document.getElementById("status");
          const restart = document.getElementById("restart");
          const key = "intake-session";
          let busy = false;

          function element(tag, cls, text) {
            const e = document.createElement(tag);
            if (cls) e.className = cls;
            if (text !== undefined) e.textContent = text;
            return e;
          }

          function message(sender, cls) {
            const item = element("li", cls);
            item.appendChild(element("span", "sender", sender + ":"));
            log.appendChild(item);
            return item;
          }

          function link(href, text) {
            const a = element("a", null, text);
            a.href = href;
            return a;
          }

          function showTurn(turn) {
            const item = message("Assistant", "assistant" + (turn.crisis ? " crisis" : ""));
            for (const line of turn.say || []) item.appendChild(element("p", null, line));
            const shown = (turn.resources || []).filter(function (r) { return r.phone || r.text || r.url; });
            if (shown.length) {
              const list = element("ul", "resources");
              list.setAttribute("aria-label", "Numbers and links");
              for (const r of shown) {
                const li = element("li");
                li.appendChild(document.createTextNode(r.name + ": "));
                const parts = [];
                if (r.phone) parts.push(link("tel:" + r.phone.replace(/[^0-9+]/g, ""), "call " + r.phone));
                if (r.text) parts.push(link("sms:" + r.text.replace(/[^0-9+]/g, ""), "text " + r.text));
                if (r.url) parts.push(link(r.url, r.url.replace(/^https?:[/][/]/, "")));
                parts.forEach(function (p, i) { if (i) li.appendChild(document.createTextNode(", ")); li.appendChild(p); });
                list.appendChild(li);
              }
              item.appendChild(list);
            }
            if (turn.ask) item.appendChild(element("p", "ask", turn.ask));
            choices.textContent = "";
            (turn.choices || []).forEach(function (c, i) {
              const b = element("button", null, (i + 1) + ". " + c.label);
              b.type = "button";
              b.addEventListener("click", function () { send(String(i + 1), c.label); });
              choices.appendChild(b);
            });
            const ended = turn.state === "ended";
            form.hidden = ended;
            restart.hidden = !ended;
            if (ended) sessionStorage.removeItem(key);
          }

          async function call(method, path, body) {
            const options = { method: method, headers: {} };
            if (body !== undefined) {
              options.headers["Content-Type"] = "application/json";
              options.body = JSON.stringify(body);
            }
            const response = await fetch(path, options);
            const data = await response.json().catch(function () { return null; });
            if (!response.ok) {
              const error = new Error((data && data.error && data.error.message) || "The server did not answer.");
              error.code = data && data.error && data.error.code;
              throw error;
            }
            return data;
          }

          async function start() {
            const data = await call("POST", "/v1/sessions", {});
            sessionStorage.setItem(key, data.id);
            showTurn(data.turn);
          }

          async function send(line, shown) {
            if (busy) return;
            const id = sessionStorage.getItem(key);
            if (!id) return;
            busy = true;
            status.textContent = "";
            message("You", "person").appendChild(element("p", null, shown || line));
            try {
              const data = await call("POST", "/v1/sessions/" + encodeURIComponent(id) + "/turns", { input: line });
              showTurn(data.turn);
            } catch (error) {
              status.textContent = error.message + " In an emergency call your local emergency number now.";
              if (error.code === "not-found" || error.code === "session-ended" || error.code === "session-incompatible") {
                sessionStorage.removeItem(key);
                form.hidden = true;
                restart.hidden = false;
              }
            } finally {
              busy = false;
              input.focus();
            }
          }

          form.addEventListener("submit", function (event) {
            event.preventDefault();
            const line = input.value.trim();
            if (!line) return;
            input.value = "";
            send(line);
          });

          restart.addEventListener("click", function () {
            log.textContent = "";
            restart.hidden = true;
            start().catch(function (error) { status.textContent = error.message; });
          });

          (async function () {
            const id = sessionStorage.getItem(key);
            try {
              if (id) {
                try {
                  const data = await call("GET", "/v1/sessions/" + encodeURIComponent(id));
                  showTurn(data.turn);
                  return;
                } catch (error) {
                  sessionStorage.removeItem(key);
                }
              }
              await start();
            } catch (error) {
              status.textContent = error.message + " In an emergency call your local emergency number now.";
            }
          })();
        })();
        """
}
