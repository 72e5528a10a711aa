/**
 * The editors' side of the catalog: pages and API to write matter versions, publish and
 * withdraw them, edit life events and add search synonyms. Every change goes through the
 * {@code Catalog} facade, which checks it against the catalog's rules.
 */
package org.onestop.catalog.admin;
