// Live hall board and ticket pages: the server says when the hall's queue changed; the page fetches itself again
// and swaps the live region. When the stream is refused (too many from this address, or the server is full) or
// breaks, the page asks every few seconds instead of reconnecting in a loop, and tries a stream again a minute later.
// Without JavaScript the page is complete as served, with a link to refresh it.
const live = document.querySelector('[data-live-events]')
const POLL_MS = 5000
const RETRY_MS = 60000

if (live) {
  let version = live.dataset.version
  let busy = false
  let timer = null
  let retry = null

  const refresh = async () => {
    if (busy) {
      return
    }
    busy = true
    try {
      const response = await fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      if (response.ok) {
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-live-events]')
        if (fresh) {
          live.innerHTML = fresh.innerHTML
          version = fresh.dataset.version
          live.dataset.version = version
        }
      }
    } catch {
      // Offline for a moment: the next event or poll tries again.
    } finally {
      busy = false
    }
  }

  const poll = () => {
    if (timer === null) {
      timer = window.setInterval(refresh, POLL_MS)
    }
  }

  const listen = () => {
    retry = null
    const source = new EventSource(live.dataset.liveEvents)
    source.addEventListener('open', () => {
      if (timer !== null) {
        window.clearInterval(timer)
        timer = null
      }
    })
    source.addEventListener('queue', (event) => {
      if (event.data !== version) {
        version = event.data
        refresh()
      }
    })
    source.addEventListener('error', () => {
      source.close()
      poll()
      if (retry === null) {
        retry = window.setTimeout(listen, RETRY_MS)
      }
    })
  }

  if ('EventSource' in window) {
    listen()
  } else {
    poll()
  }
}
