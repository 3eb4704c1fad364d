package org.handover.server.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field of a command that receives the name of the account it acts as, which the journal
 * records: set when the command opens the database ({@link Options#open()}), never given on the
 * command line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Acting {}
