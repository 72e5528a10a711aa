// No time-out loses what was typed (issue 15, elder-friendly pages). A form marked data-keep-typed keeps what the
// person types in this tab (sessionStorage, never sent anywhere) until the server has accepted it. A form sent after
// the session ran out comes back after signing in again (the sign-in returns to the form's page), and one refused
// for a stale token comes back when its page is opened again: either way it is filled in as it was. What was typed
// is put back only for the same person (the layout names who is signed in), and forgotten once a sent form has led
// to any page other than the sign-in or an error page, which is how the server says it accepted it.
const PREFIX = 'onestop.typed:'
const owner = document.body.dataset.keepTypedOwner || ''
const holding = location.pathname.startsWith('/sign-in') || document.querySelector('[data-keep-typed-hold]') !== null
const kept = [...document.querySelectorAll('form[data-keep-typed]')]
const SKIPPED = new Set(['hidden', 'password', 'file', 'submit', 'button', 'reset', 'image'])

const keyOf = form => PREFIX + form.dataset.keepTyped
const fields = form => [...form.elements].filter(e => e.name && !SKIPPED.has(e.type) && e.tagName !== 'BUTTON' &&
  e.tagName !== 'FIELDSET' && e.tagName !== 'OUTPUT')

function read (form) {
  const values = {}
  for (const field of fields(form)) {
    const list = values[field.name] || (values[field.name] = [])
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (field.checked) list.push(field.value)
    } else if (field.tagName === 'SELECT' && field.multiple) {
      list.push(...[...field.selectedOptions].map(o => o.value))
    } else {
      list.push(field.value)
    }
  }
  return values
}

function fill (form, values) {
  const seen = {}
  for (const field of fields(form)) {
    const list = values[field.name]
    if (!Array.isArray(list)) continue
    if (field.type === 'checkbox' || field.type === 'radio') {
      field.checked = list.includes(field.value)
    } else if (field.tagName === 'SELECT' && field.multiple) {
      for (const option of field.options) option.selected = list.includes(option.value)
    } else {
      const i = seen[field.name] = (seen[field.name] ?? -1) + 1
      if (i < list.length) field.value = list[i]
    }
  }
}

function load (key) {
  try {
    return JSON.parse(sessionStorage.getItem(key))
  } catch {
    return null
  }
}

function save (key, entry) {
  try {
    sessionStorage.setItem(key, JSON.stringify(entry))
  } catch {
    // Storage full or refused (private mode): the form still works, it just keeps nothing.
  }
}

const here = new Set(kept.map(keyOf))
for (const form of kept) {
  const key = keyOf(form)
  const entry = load(key)
  if (entry && entry.owner === owner) {
    fill(form, entry.values)
  } else if (entry) {
    sessionStorage.removeItem(key)
  }
  const keep = sent => save(key, { owner, values: read(form), sent, away: false })
  if (entry && entry.owner === owner) keep(false)
  form.addEventListener('input', () => keep(false))
  form.addEventListener('change', () => keep(false))
  form.addEventListener('submit', () => keep(true))
}

for (const key of Object.keys(sessionStorage)) {
  if (!key.startsWith(PREFIX) || here.has(key)) continue
  const entry = load(key)
  if (!entry) {
    sessionStorage.removeItem(key)
  } else if (holding) {
    // On the way back to the form: the sign-in after the session ran out, or the error page of a stale token.
    if (entry.sent) save(key, { ...entry, away: true })
  } else if (entry.sent && !entry.away) {
    sessionStorage.removeItem(key)
  }
}

// An autosave sent after the session ran out is answered with the sign-in page: that is no status to show inside
// the form (the form is kept here, and its submit leads through the sign-in back to it).
document.body.addEventListener('htmx:beforeSwap', event => {
  const url = event.detail.xhr?.responseURL
  if (url && new URL(url, location.href).pathname.startsWith('/sign-in')) event.detail.shouldSwap = false
})
