/**
 * The registry's domain: persons with the Geneva Conventions' fields, names, partial dates,
 * categories, status history, the person form and merging. Uses parties and the names library.
 */
package org.handover.core.registry;
