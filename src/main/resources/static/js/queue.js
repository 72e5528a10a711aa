// Live hall board and ticket pages: the server says when the hall's queue changed; the page fetches itself again
// and swaps the live region. Without JavaScript the page is complete as served, with a link to refresh it.
const live = document.querySelector('[data-live-events]')

if (live && 'EventSource' in window) {
  let version = live.dataset.version
  const source = new EventSource(live.dataset.liveEvents)
  source.addEventListener('queue', async (event) => {
    if (event.data === version) {
      return
    }
    version = event.data
    const response = await fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
    if (!response.ok) {
      return
    }
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-live-events]')
    if (fresh) {
      live.innerHTML = fresh.innerHTML
      live.dataset.version = version
    }
  })
}
