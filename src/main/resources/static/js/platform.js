// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// Tables become one card per row on phones (the CSS in onestop.css): each cell is named
// by its column's header, copied here so that no template has to repeat it. Roles keep
// the table a table for screen readers once CSS has made its rows into blocks.
function stack (table) {
  const headers = [...table.querySelectorAll('thead tr:last-child th, thead tr:last-child td')]
  if (headers.length === 0) return
  const names = []
  for (const header of headers) {
    const span = Math.max(1, header.colSpan)
    for (let i = 0; i < span; i++) names.push(header.textContent.trim())
    header.setAttribute('role', 'columnheader')
  }
  table.setAttribute('role', 'table')
  for (const group of table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot')) group.setAttribute('role', 'rowgroup')
  for (const row of table.querySelectorAll(':scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr')) {
    row.setAttribute('role', 'row')
    if (row.parentElement.tagName === 'THEAD') continue
    let column = 0
    for (const cell of row.cells) {
      if (!cell.hasAttribute('role')) cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell')
      const name = names[column]
      if (name && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', name)
      column += Math.max(1, cell.colSpan)
    }
  }
  table.classList.add('onestop-stacked')
}

function stackAll (root) {
  if (root !== document && root.nodeType !== Node.ELEMENT_NODE) return
  const around = root.closest?.('table.govuk-table')
  if (around) stack(around)
  root.querySelectorAll('table.govuk-table').forEach(stack)
}

stackAll(document)
// Live regions (htmx swaps, event streams) bring new tables without a page load.
new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(stackAll)))
  .observe(document.body, { childList: true, subtree: true })
