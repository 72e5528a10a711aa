// Live hall board and ticket pages: the server says when the hall's queue changed; the page fetches itself again
// and swaps the live region. When the stream is refused (too many from this address, or the server is full) or
// breaks, the page asks every few seconds instead of reconnecting in a loop, and tries a stream again a minute later.
// Without JavaScript the page is complete as served, with a link to refresh it.
// On the hall board each new call (a number called again included) rings a chime and is spoken through the browser's
// speech synthesis where it has one: in Chinese, then in English where the hall says so (the texts come with the page).
const live = document.querySelector('[data-live-events]')
const POLL_MS = 5000
const RETRY_MS = 60000

let audio = null

const chime = () => {
  try {
    const Context = window.AudioContext || window.webkitAudioContext
    if (!Context) {
      return
    }
    audio = audio || new Context()
    audio.resume()
    const start = audio.currentTime
    ;[[784, 0], [523, 0.45]].forEach(([pitch, at]) => {
      const tone = audio.createOscillator()
      const gain = audio.createGain()
      tone.frequency.value = pitch
      gain.gain.setValueAtTime(0.0001, start + at)
      gain.gain.exponentialRampToValueAtTime(0.4, start + at + 0.03)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.9)
      tone.connect(gain).connect(audio.destination)
      tone.start(start + at)
      tone.stop(start + at + 1)
    })
  } catch {
    // No sound device: the board still shows the call.
  }
}

const say = (text, lang) => {
  const speech = window.speechSynthesis
  if (!text || !speech || typeof window.SpeechSynthesisUtterance !== 'function') {
    return
  }
  const utterance = new window.SpeechSynthesisUtterance(text)
  utterance.lang = lang
  utterance.rate = 0.9
  speech.speak(utterance)
}

// Calls the fresh board shows that the one before did not, oldest first.
const announce = (before, after) => {
  const known = new Set(Array.from(before, (call) => call.dataset.call))
  const fresh = Array.from(after).filter((call) => !known.has(call.dataset.call)).reverse()
  if (fresh.length === 0) {
    return
  }
  chime()
  for (const call of fresh) {
    say(call.dataset.sayZh, 'zh-CN')
    say(call.dataset.sayEn, 'en-GB')
  }
}

// A TV's browser may keep sound off until someone has touched the page once: the button is that touch.
const sound = document.querySelector('[data-board-sound]')
if (sound && !(navigator.userActivation && navigator.userActivation.hasBeenActive)) {
  sound.hidden = false
  sound.addEventListener('click', () => {
    chime()
    sound.hidden = true
  })
}

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
          const before = live.querySelectorAll('[data-call]')
          live.innerHTML = fresh.innerHTML
          announce(before, live.querySelectorAll('[data-call]'))
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
