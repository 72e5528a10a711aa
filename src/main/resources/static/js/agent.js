// The agent console. The waiting line refreshes itself when the server says the pool's queue changed (server-sent
// events named "queue"), and every 15 seconds so that waited times keep moving; a canned answer goes straight into
// the message box. Without JavaScript the console is complete as served, with a link to refresh and a form for each.
const queue = document.querySelector('[data-agent-queue]')

if (queue) {
  // Only the count is announced, and only when it changes: the table itself is replaced every few seconds.
  const count = document.querySelector('[data-agent-count]')
  const title = () => queue.querySelector('[data-agent-queue-title]')?.textContent.trim()
  let busy = false
  let again = false
  const refresh = async () => {
    if (busy) {
      // A change announced during a fetch may have missed it: fetch once more afterwards.
      again = true
      return
    }
    busy = true
    try {
      const response = await fetch(window.location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      if (response.ok) {
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-agent-queue]')
        // Keep the focus where it was when the agent is using the line: swap only when it is elsewhere.
        if (fresh && !queue.contains(document.activeElement)) {
          const before = title()
          queue.innerHTML = fresh.innerHTML
          if (count && title() !== before) {
            count.textContent = title()
          }
        }
      }
    } finally {
      busy = false
      if (again) {
        again = false
        refresh()
      }
    }
  }
  // The open stream also keeps the agent on duty, so a refused or broken one is tried again a minute later rather
  // than in a loop; the refresh every 15 seconds carries on meanwhile.
  const listen = () => {
    const source = new EventSource(queue.dataset.agentQueue)
    source.addEventListener('queue', refresh)
    source.addEventListener('error', () => {
      source.close()
      window.setTimeout(listen, 60000)
    })
  }
  if ('EventSource' in window) {
    listen()
  }
  window.setInterval(refresh, 15000)
}

const canned = document.querySelector('[data-canned]')
if (canned) {
  canned.addEventListener('submit', (event) => {
    const text = document.getElementById('text')
    const option = canned.querySelector('select').selectedOptions[0]
    if (text && option) {
      event.preventDefault()
      text.value = option.dataset.text
      text.focus()
    }
  })
}

// The agent's conversation: the transcript scrolls in its own region with the newest line at the bottom, and the reply
// box stays in view below it. A new line scrolls the transcript only when the agent was already at its end, so that
// reading back is not interrupted.
const transcript = document.querySelector('[data-agent-log]')
if (transcript) {
  const atEnd = () => transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40
  const toNewest = () => {
    transcript.scrollTop = transcript.scrollHeight
  }
  let follow = true
  toNewest()
  document.getElementById('ask')?.scrollIntoView({ block: 'nearest' })
  document.body.addEventListener('htmx:beforeSwap', (event) => {
    if (event.detail.target === transcript) {
      follow = atEnd()
    }
  })
  document.body.addEventListener('htmx:afterSwap', (event) => {
    if (event.detail.target === transcript && follow) {
      toNewest()
    }
  })
}
