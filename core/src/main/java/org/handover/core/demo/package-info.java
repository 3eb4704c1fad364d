/**
 * Generated people for the demo and the tests: skewed name frequencies, namesakes, missing dates;
 * never a real person. May use every feature of core.
 */
package org.handover.core.demo;
