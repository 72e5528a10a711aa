/**
 * The public catalog on the web: home, search and browse, matter and life-event pages,
 * and their JSON API. Everything here reads the published catalog through the
 * {@code Catalog} facade (this node's cache).
 */
package org.onestop.catalog.web;
