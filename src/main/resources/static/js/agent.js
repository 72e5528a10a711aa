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
