/**
 * Test-data builders: each test makes its own residents (in the registries, as the demo
 * data writes them) and registers them as citizens through the real two-step
 * registration, so that no two tests share a person.
 */
package org.onestop.testdata;
