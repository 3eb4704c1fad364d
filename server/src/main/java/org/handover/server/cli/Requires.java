package org.handover.server.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.handover.core.accounts.Permission;

/**
 * The permission a command needs. When {@code --actor} names an account, its role must hold it; the
 * default actor, {@code cli}, is the operator of the machine, who holds the database itself. Every
 * command that runs carries one (a test walks the command tree).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Requires {
  Permission value();
}
