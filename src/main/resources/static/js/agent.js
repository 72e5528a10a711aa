// The agent console. The waiting line refreshes itself when the server says the pool's queue changed (server-sent
// events named "queue"), and every 15 seconds so that waited times keep moving; a canned answer goes straight into
// the message box. Without JavaScript the console is complete as served, with a link to refresh and a form for each.
const queue = document.querySelector('[data-agent-queue]')

if (queue) {
  let busy = false
  const refresh = async () => {
    if (busy) {
      return
    }
    busy = true
    try {
      const response = await fetch(window.location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      if (response.ok) {
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-agent-queue]')
        // Keep the focus where it was when the agent is using the line: swap only when it is elsewhere.
        if (fresh && !queue.contains(document.activeElement)) {
          queue.innerHTML = fresh.innerHTML
        }
      }
    } finally {
      busy = false
    }
  }
  if ('EventSource' in window) {
    new EventSource(queue.dataset.agentQueue).addEventListener('queue', refresh)
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
