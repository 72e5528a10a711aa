// The assistant page. Without JavaScript every part is a plain form that redirects back. With it, htmx posts in
// place (the server answers with only the new lines, the handoff panel and the buttons), and this script keeps the
// page live: on each server-sent event, or every few seconds when the stream is refused or gone, it asks for what came
// after the last line shown. New lines land in the role="log" region, so screen readers announce them.
/* global htmx */
const root = document.querySelector('[data-assistant]')
const POLL_MS = 3000
const RETRY_MS = 60000

if (root && window.htmx) {
  // The indicator styles would be an inline <style>, which the Content-Security-Policy refuses.
  htmx.config.includeIndicatorStyles = false
  htmx.config.allowEval = false
  const base = root.dataset.assistant
  const log = document.getElementById('assistant-log')
  let busy = false
  let again = false
  let timer = null
  let source = null
  let retry = null

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

  // The citizen's page shows the handoff panel; the agent's page has none and says with data-open whether its
  // transcript can still grow.
  const state = () => document.querySelector('#assistant-state [data-state]')?.dataset.state
  const ended = () => (state() === undefined ? !root.hasAttribute('data-open') : state() === 'ENDED')

  const stop = () => {
    if (timer !== null) {
      window.clearInterval(timer)
      timer = null
    }
    if (source !== null) {
      source.close()
      source = null
    }
    if (retry !== null) {
      window.clearTimeout(retry)
      retry = null
    }
  }

  // A post and a live update may both bring the same line: keep the first. Once the conversation has ended there
  // is nobody to send to, so the message box and the stream go (the rating form takes their place). A conversation
  // asked open again needs them back, which only a full page brings.
  document.body.addEventListener('htmx:afterSwap', () => {
    if (ended()) {
      document.getElementById('ask')?.remove()
      stop()
    } else if (state() !== undefined && !document.getElementById('ask')) {
      window.location.reload()
      return
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
  // The form that posted may have been swapped out by then, so the swap's target says whether it was ours.
  document.body.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.target !== log || event.detail.requestConfig.verb !== 'post' || !event.detail.successful) {
      return
    }
    const text = document.getElementById('text')
    if (text) {
      text.focus()
      document.getElementById('ask').scrollIntoView({ block: 'nearest' })
    }
  })

  // A refusal (the conversation is gone, a limit is reached, the session expired) has no fragment to show: a failed
  // post reloads the page, which says what is wrong or where to go; failed updates stop asking.
  document.body.addEventListener('htmx:responseError', (event) => {
    if (event.detail.requestConfig.verb === 'post') {
      window.location.reload()
    } else {
      stop()
    }
  })

  const poll = () => {
    if (timer === null && !ended()) {
      timer = window.setInterval(() => {
        if (ended()) {
          stop()
          return
        }
        update()
      }, POLL_MS)
    }
  }

  // A refused stream (too many from this address, or the server is full) or a broken one is not reopened in a loop:
  // the page polls, and tries a stream again a minute later.
  const listen = () => {
    retry = null
    if (ended()) {
      return
    }
    source = new EventSource(root.dataset.events)
    source.addEventListener('open', () => {
      if (timer !== null) {
        window.clearInterval(timer)
        timer = null
      }
    })
    source.addEventListener('message', update)
    source.addEventListener('handoff', update)
    source.addEventListener('error', () => {
      if (source !== null) {
        source.close()
        source = null
      }
      poll()
      if (retry === null && !ended()) {
        retry = window.setTimeout(listen, RETRY_MS)
      }
    })
  }

  if (root.dataset.events && 'EventSource' in window) {
    listen()
  } else {
    poll()
  }
}
