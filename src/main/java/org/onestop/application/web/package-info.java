/**
 * The module's pages and JSON endpoints, for citizens and staff, and the page models
 * their jte templates render. Every write goes through the module's services.
 */
package org.onestop.application.web;
