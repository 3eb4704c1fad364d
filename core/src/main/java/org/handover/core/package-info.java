/**
 * Handover's domain and its engines, without frameworks: one package per feature. This package
 * holds only the keys by which choices are stored and translated.
 */
package org.handover.core;
