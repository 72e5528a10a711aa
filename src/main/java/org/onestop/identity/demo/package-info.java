/**
 * The demo city's accounts and the load-test citizens, outside production only.
 */
package org.onestop.identity.demo;
