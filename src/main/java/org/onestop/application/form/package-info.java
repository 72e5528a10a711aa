/**
 * The forms of the matters: their definitions and field rules, prefill from the
 * registries, the pre-check, and the view of a form the citizen fills in. Nothing here
 * touches an application's own rows.
 */
package org.onestop.application.form;
