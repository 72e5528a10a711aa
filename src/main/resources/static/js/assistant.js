// The assistant page. Without JavaScript every part is a plain form that redirects back. With it, htmx posts in
// place (the server answers with only the new lines, the handoff panel and the buttons), and this script keeps the
// page live: on each server-sent event, or every few seconds when there is no stream, it asks for what came after
// the last line shown. New lines land in the role="log" region, so screen readers announce them.
/* global htmx */
const root = document.querySelector('[data-assistant]')
const POLL_MS = 3000

if (root && window.htmx) {
  // The indicator styles would be an inline <style>, which the Content-Security-Policy refuses.
  htmx.config.includeIndicatorStyles = false
  htmx.config.allowEval = false
  const base = root.dataset.assistant
  const log = document.getElementById('assistant-log')
  let busy = false
  let again = false

  const cursor = (name) => {
    const input = document.querySelector(`#assistant-cursor input[name=${name}]`)
    return input ? input.value : ''
  }

  const update = () => {
    if (busy) {
      again = true
      return
    }
    busy = true
    const url = `${base}/updates?after=${encodeURIComponent(cursor('after'))}&state=${encodeURIComponent(cursor('state'))}`
    htmx.ajax('GET', url, { target: '#assistant-log', swap: 'beforeend' }).finally(() => {
      busy = false
      if (again) {
        again = false
        update()
      }
    })
  }

  const ended = () => document.querySelector('#assistant-state [data-state=ENDED]') !== null

  // A post and a live update may both bring the same line: keep the first. Once the conversation has ended there
  // is nobody to send to, so the message box goes (the rating form takes its place).
  document.body.addEventListener('htmx:afterSwap', () => {
    if (ended()) {
      document.getElementById('ask')?.remove()
    }
    const seen = new Set()
    log.querySelectorAll('[data-line]').forEach((line) => {
      if (seen.has(line.dataset.line)) {
        line.remove()
      } else {
        seen.add(line.dataset.line)
      }
    })
  })

  // After sending, the message box is fresh (or shows its error) and keeps the focus, ready for the next message.
  document.body.addEventListener('htmx:afterRequest', (event) => {
    if (!root.contains(event.detail.elt) || event.detail.requestConfig.verb !== 'post') {
      return
    }
    const text = document.getElementById('text')
    if (text) {
      text.focus()
      document.getElementById('ask').scrollIntoView({ block: 'nearest' })
    }
  })

  let timer = null
  const poll = () => {
    if (timer === null) {
      timer = window.setInterval(() => {
        if (ended()) {
          window.clearInterval(timer)
          return
        }
        update()
      }, POLL_MS)
    }
  }

  if (root.dataset.events && 'EventSource' in window) {
    const source = new EventSource(root.dataset.events)
    source.addEventListener('message', update)
    source.addEventListener('handoff', update)
    source.addEventListener('error', () => {
      // The browser reconnects by itself while it can; when it gives up, polling takes over.
      if (source.readyState === EventSource.CLOSED) {
        poll()
      }
    })
  } else {
    poll()
  }
}
