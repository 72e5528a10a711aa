// The hall kiosk: back to the start screen (in Chinese, nothing typed) after a minute without a touch, so that the
// next person never sees the last one's number or booking code; and the print button for the ticket slip.
// Without JavaScript the ticket page refreshes itself to the start after the same minute (a meta refresh).
const kiosk = document.querySelector('[data-kiosk-reset]')

if (kiosk) {
  let last = Date.now()
  const touched = () => { last = Date.now() }
  for (const event of ['pointerdown', 'keydown', 'input', 'touchstart', 'scroll']) {
    window.addEventListener(event, touched, { passive: true, capture: true })
  }
  // Read on every tick: whoever looks after the kiosk may change the attribute.
  const idleMs = () => 1000 * (Number(kiosk.dataset.kioskIdleSeconds) || 60)
  const typed = () => Array.from(document.querySelectorAll('input[type=text]')).some((field) => field.value !== '')
  window.setInterval(() => {
    const atStart = kiosk.dataset.kioskAtStart === 'true' && !typed()
    if (!atStart && Date.now() - last >= idleMs()) {
      window.location.assign(kiosk.dataset.kioskReset)
    }
  }, 1000)

  const print = document.querySelector('[data-kiosk-print]')
  if (print) {
    print.hidden = false
    print.addEventListener('click', () => window.print())
  }
}
